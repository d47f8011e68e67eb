import { bundle, oneOperation } from '../test/support/bundle.js'
import { figures, report } from './measure.js'

const kb = (n: number): string => `${(n / 1000).toFixed(1)} kB`

/** Minified and gzipped bundle sizes of typical imports (of the package `npm run bench` has just built). */
export async function bundleSizes(): Promise<void> {
  const cases: Array<[string, string]> = [
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
  const rows: Array<[string, string]> = []
  for (const [label, code] of cases) {
    const { bytes, gzip } = await bundle(code)
    rows.push([label, `${kb(bytes)} minified, ${kb(gzip)} gzipped`])
    figures.push({ group: 'Bundle size', name: `${label}, minified`, value: bytes, unit: 'bytes' })
    figures.push({ group: 'Bundle size', name: `${label}, gzipped`, value: gzip, unit: 'bytes' })
  }
  report('Bundle size (esbuild, minified, browser)', rows)
}
