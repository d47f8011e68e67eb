import { parseArgs } from 'node:util'
import { sample } from '../../core/arbitraries/arbitrary.js'
import type { CommandResult } from './validate-command.js'

/** `sample <ShapeOrOperation> [--request|--response] [--seed N] [--count K] [--presence P] [--region R]`: JSON lines. */
export function sampleCommand(args: readonly string[]): CommandResult {
  let parsed
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        request: { type: 'boolean', default: false },
        response: { type: 'boolean', default: false },
        seed: { type: 'string', default: '0' },
        count: { type: 'string', default: '1' },
        presence: { type: 'string', default: 'random' },
        region: { type: 'string' },
      },
    })
  } catch (error) {
    return { stdout: `${(error as Error).message}\n`, exitCode: 2 }
  }
  const { positionals: [target], values } = parsed
  const seed = Number(values.seed)
  const count = Number(values.count)
  if (!target) return { stdout: 'expected a shape or operation name\n', exitCode: 2 }
  if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 0) return { stdout: '--seed and --count take whole numbers\n', exitCode: 2 }
  if (!['random', 'minimal', 'full'].includes(values.presence)) return { stdout: '--presence is random, minimal or full\n', exitCode: 2 }
  try {
    const values_ = sample(target, { seed, count, side: values.request ? 'request' : 'response', presence: values.presence as 'random', ...(values.region ? { region: values.region } : {}) })
    return { stdout: values_.map((v) => `${JSON.stringify(v)}\n`).join(''), exitCode: 0 }
  } catch (error) {
    return { stdout: `${(error as Error).message}\n`, exitCode: 2 }
  }
}
