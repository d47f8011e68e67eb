import { sample } from 'cognito-idp-contract/arbitraries'
import fc from 'fast-check'
import { type OperationName, operations } from '../schemas/operations.js'
import { compare } from './measure.js'
import { plainArbitrary } from './plain.js'

/** The five largest response shapes (by members reachable), DescribeUserPool and DescribeUserPoolClient among them. */
export const LARGEST_RESPONSES: OperationName[] = [
  'DescribeUserPool',
  'CreateUserPool',
  'DescribeUserPoolClient',
  'CreateUserPoolClient',
  'DescribeRiskConfiguration',
]

/** Values per second drawn `count` at a time for about `ms` milliseconds. */
function valuesPerSecond(draw: (seed: number) => unknown[], ms: number): number {
  draw(0)
  let values = 0
  let seed = 1
  const start = performance.now()
  while (performance.now() - start < ms) values += draw(seed++).length
  return Math.round((values * 1000) / (performance.now() - start))
}

/**
 * `sample()` of the largest responses (default options: realistic values fitting every constraint, plain JSON out)
 * beside a plain `fc.record` of the same shape drawn with `fc.sample`.
 */
export async function samplingRate(ms = 400, count = 20): Promise<void> {
  for (const op of LARGEST_RESPONSES) {
    const plain = plainArbitrary(operations[op].output as unknown as Record<string, unknown>)
    await compare(`Arbitraries: ${op} response`, 'values/s', [
      {
        name: 'plain fc.record, fc.sample',
        run: () => valuesPerSecond((seed) => fc.sample(plain, { seed, numRuns: count }), ms),
      },
      {
        name: 'ours, sample()',
        run: () => valuesPerSecond((seed) => sample(op, { seed, count }), ms),
        anchor: 'plain fc.record, fc.sample',
      },
    ])
  }
}
