import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { benchSource, figuresBlock, RESULTS, type RecordedRun } from '../bench/record.js'
import * as shapes from '../schemas/shapes.js'
import { BUNDLE_CASES, bundle } from './support/bundle.js'
import { ROOT } from './support/model.js'

const text = readFileSync(join(ROOT, 'README.md'), 'utf8')
const readme = text.replace(/\n/g, ' ')

/** The code of a bundle case by its label. */
const code = (label: string): string => BUNDLE_CASES.find(([l]) => l === label)![1]

describe("the README's figures are what the commands measure", () => {
  it('the number of shapes', () => {
    expect(readme).toContain(`each of the ${Object.keys(shapes).length} shapes`)
  })

  it('the bundle sizes, within a tenth of what npm run bench bundle measures', async () => {
    const stated =
      /`DescribeIdentityProvider` alone is ([\d.]+) kB \(([\d.]+) kB gzipped\), the whole catalog ([\d.]+) kB \(([\d.]+) kB gzipped\); `validateOperation` with one operation is ([\d.]+) kB \(([\d.]+) kB gzipped\)/.exec(
        readme,
      )
    expect(stated).not.toBeNull()
    const [one, oneGzip, all, allGzip, validate, validateGzip] = stated!.slice(1).map((n) => Number(n) * 1000)
    const measured = [
      await bundle(code('operations/DescribeIdentityProvider')),
      await bundle(code('the whole catalog (operations)')),
      await bundle(code('validateOperation + one operation')),
    ]
    const pairs = [
      [one, measured[0]!.bytes],
      [oneGzip, measured[0]!.gzip],
      [all, measured[1]!.bytes],
      [allGzip, measured[1]!.gzip],
      [validate, measured[2]!.bytes],
      [validateGzip, measured[2]!.gzip],
    ]
    for (const [claimed, actual] of pairs) expect(Math.abs(claimed! - actual!) / actual!).toBeLessThan(0.1)
  })

  it('the Speed table is bench/results.json as npm run bench -- --record rendered it, from a whole run', () => {
    const run = JSON.parse(readFileSync(RESULTS, 'utf8')) as RecordedRun
    expect(text).toContain(figuresBlock(run))
    expect(run.source, 'bench/*.ts changed since the run was recorded: npm run bench -- --record').toBe(benchSource())
    const groups = new Set(run.figures.map((f) => f.group))
    for (const part of ['serve --data', 'Sign-in', 'Start-up'])
      expect(
        [...groups].some((g) => g.includes(part)),
        part,
      ).toBe(true)
    expect(run.figures.some((f) => f.name.includes('passkey'))).toBe(true)
  })
})
