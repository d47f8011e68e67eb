import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { ROOT } from './model.js'

/** What a bundler keeps of one import: minified bytes, gzipped bytes and the text itself. */
export interface BundleFigures {
  readonly bytes: number
  readonly gzip: number
  readonly text: string
}

/** Bundles `code` (an ES module importing from the built package in dist/) the way a frontend would. */
export async function bundle(code: string): Promise<BundleFigures> {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    treeShaking: true,
    alias: { 'cognito-idp-contract': resolve(ROOT, 'dist/src/index.js') },
    logLevel: 'silent',
  })
  const text = result.outputFiles[0]!.text
  return { bytes: Buffer.byteLength(text), gzip: gzipSync(text).length, text }
}

/** The import a consumer writes for one operation. */
export function oneOperation(name: string): string {
  return `import { ${name} } from './dist/schemas/operations/${name}.js'\nconsole.log(${name})\n`
}

/** The imports whose bundle sizes `npm run bench bundle` prints and the README quotes, by label. */
export const BUNDLE_CASES: ReadonlyArray<readonly [string, string]> = [
  ['operations/DescribeIdentityProvider', oneOperation('DescribeIdentityProvider')],
  ['operations/CreateUserPool', oneOperation('CreateUserPool')],
  [
    'validateOperation + one operation',
    `import { validateOperation } from './dist/src/core/validate/index.js'\nimport { DescribeIdentityProvider } from './dist/schemas/operations/DescribeIdentityProvider.js'\nconsole.log(validateOperation(DescribeIdentityProvider, 'request', {}))\n`,
  ],
  [
    'the whole catalog (operations)',
    `import { operations } from './dist/schemas/operations.js'\nconsole.log(operations)\n`,
  ],
  ['validate (by name, whole catalog)', `import { validate } from 'cognito-idp-contract'\nconsole.log(validate)\n`],
]
