import { BUNDLE_CASES, bundle } from '../test/support/bundle.js'
import { figures, report } from './measure.js'

const kb = (n: number): string => `${(n / 1000).toFixed(1)} kB`

/** Minified and gzipped bundle sizes of typical imports (of the package `npm run bench` has just built). */
export async function bundleSizes(): Promise<void> {
  const rows: Array<[string, string]> = []
  for (const [label, code] of BUNDLE_CASES) {
    const { bytes, gzip } = await bundle(code)
    rows.push([label, `${kb(bytes)} minified, ${kb(gzip)} gzipped`])
    figures.push({ group: 'Bundle size', name: `${label}, minified`, value: bytes, unit: 'bytes' })
    figures.push({ group: 'Bundle size', name: `${label}, gzipped`, value: gzip, unit: 'bytes' })
  }
  report('Bundle size (esbuild, minified, browser)', rows)
}
