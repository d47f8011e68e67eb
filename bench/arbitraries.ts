import fc from 'fast-check'
import type { OperationName } from '../schemas/operations.js'
import { responseArbitrary } from '../src/core/arbitraries/index.js'
import { report } from './measure.js'

/** The five largest response shapes (by members reachable), DescribeUserPool and DescribeUserPoolClient among them. */
export const LARGEST_RESPONSES: OperationName[] = [
  'DescribeUserPool',
  'CreateUserPool',
  'DescribeUserPoolClient',
  'CreateUserPoolClient',
  'DescribeRiskConfiguration',
]

/** Generated responses per second, drawn one at a time from a seeded stream as a mock server would. */
export function samplingRate(): void {
  const rows: Array<[string, string]> = []
  for (const op of LARGEST_RESPONSES) {
    const arb = responseArbitrary(op)
    fc.sample(arb, { seed: 1, numRuns: 50 })
    const n = 3000
    const start = performance.now()
    fc.sample(arb, { seed: 2, numRuns: n })
    const perSecond = Math.round((n * 1000) / (performance.now() - start))
    rows.push([`${op} response`, `${perSecond.toLocaleString('en')} samples/s`])
  }
  report('Arbitraries (default options)', rows)
}
