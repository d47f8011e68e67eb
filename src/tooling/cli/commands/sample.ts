import { sample } from '../../../core/arbitraries/arbitrary.js'
import { type Command, integer, oneOf, parse, UsageError } from '../command.js'

/** `sample <ShapeOrOperation> [--request|--response] [--seed N] [--count K] [--presence P] [--region R]`: JSON lines. */
export const sampleCommand: Command = {
  name: 'sample',
  summary: 'print generated values of a shape or operation as JSON lines',
  help: `usage: cognito-idp-contract sample <ShapeOrOperation> [options]

Prints values drawn from the contract's arbitraries, one JSON value per line; the same seed gives the
same values on every machine. For an operation, its response unless --request is given.

  --request | --response           which side of an operation (default: response)
  --seed N                         seed (default 0)
  --count K                        how many values (default 1)
  --presence random|minimal|full   optional members at random, none, or all (default random)
  --region R                       the region of ids and ARNs
`,
  run(args, io) {
    const { positionals, values } = parse(args, {
      request: { type: 'boolean', default: false },
      response: { type: 'boolean', default: false },
      seed: { type: 'string', default: '0' },
      count: { type: 'string', default: '1' },
      presence: { type: 'string', default: 'random' },
      region: { type: 'string' },
    })
    const [target] = positionals
    if (!target) throw new UsageError('expected a shape or operation name')
    const seed = integer('seed', values.seed)
    const count = integer('count', values.count, 0, 100_000)
    const presence = oneOf('presence', values.presence, ['random', 'minimal', 'full'] as const)
    let drawn: unknown[]
    try {
      drawn = sample(target, {
        seed,
        count,
        side: values.request ? 'request' : 'response',
        presence,
        ...(values.region ? { region: values.region } : {}),
      })
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    io.stdout(drawn.map((v) => `${JSON.stringify(v)}\n`).join(''))
    return 0
  },
}
