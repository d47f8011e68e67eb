/**
 * Builds the package's JavaScript: one file per entry point of `package.json`, the code they share in chunks, every
 * dependency left to the consumer's install. Loading a few files instead of hundreds is most of what
 * importing `cognito-idp-contract/msw` costs (`npm run bench startup`). Each `operations/<Op>` file is built on its
 * own with only its shapes (as chunk-sharing entries, the catalogue would load 132 files). Declarations come from `tsc`.
 */
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type BuildOptions, build } from 'esbuild'
import { STAMP_FILE, sourceStamp } from './stamp.js'

const ROOT = process.cwd()
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { default: string }>
  bin: Record<string, string>
}

/** The source of a built file: `./dist/src/x.js` comes from `src/x.ts`. */
const sourceOf = (built: string): string => built.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts')

const entries = new Map<string, string>()
const operations = new Map<string, string>()
for (const target of Object.values(pkg.exports)) {
  const built = typeof target === 'string' ? target : target.default
  if (!built.startsWith('./dist/')) continue
  if (built.includes('*')) {
    const dir = sourceOf(built).slice(0, sourceOf(built).indexOf('*'))
    for (const file of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts')))
      operations.set(`${dir}${file.slice(0, -3)}`, `${dir}${file}`)
  } else entries.set(sourceOf(built).slice(0, -3), sourceOf(built))
}
for (const bin of Object.values(pkg.bin)) entries.set(sourceOf(bin).slice(0, -3), sourceOf(bin))

rmSync(join(ROOT, 'dist/chunks'), { recursive: true, force: true })
const common: BuildOptions = {
  absWorkingDir: ROOT,
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  packages: 'external',
  external: ['node:*'],
  logLevel: 'warning',
}
await build({
  ...common,
  entryPoints: Object.fromEntries(entries),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
})
await build({ ...common, entryPoints: Object.fromEntries(operations) })
for (const bin of Object.values(pkg.bin)) chmodSync(join(ROOT, bin), 0o755)
// Recorded last, so an interrupted build leaves no stamp and the next `prepare` builds again.
writeFileSync(join(ROOT, STAMP_FILE), `${sourceStamp(ROOT)}\n`)
console.log(`built ${entries.size} entry points and ${operations.size} operations`)
