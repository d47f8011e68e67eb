import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type OperationName, operations } from '../../../schemas/operations.js'
import { invalidArbitrary, requestArbitrary, responseArbitrary } from '../../../src/core/arbitraries/index.js'
import { type Collector, type Compiled, compile, type Valid } from '../../../src/core/validate/compile.js'
import { verdictOf } from '../../../src/core/validate/verdict.js'

const names = Object.keys(operations) as OperationName[]

const generated = new Map<Compiled, Valid>()

/**
 * The verdicts of one compiled schema: the fast yes/no (as closures and as generated code, reported only when the
 * two agree), and the walk that names every issue.
 */
function verdicts(schema: unknown, value: unknown) {
  const compiled = compile(schema as Record<string, unknown>)
  const out: Collector = { issues: [] }
  compiled.check(value, '', out)
  const code = generated.get(compiled) ?? generated.set(compiled, verdictOf(compiled)).get(compiled)!
  const fast = compiled.valid(value)
  return {
    fast: code(value) === fast ? fast : 'the generated verdict differs',
    walk: out.issues.length === 0 && out.serialization === undefined,
  }
}

const anyOperation = fc.constantFrom(...names)
const invalid = new Map<OperationName, ReturnType<typeof invalidArbitrary>>()
const invalidOf = (op: OperationName) => invalid.get(op) ?? invalid.set(op, invalidArbitrary(op)).get(op)!

describe('the fast verdict agrees with the detailed walk', () => {
  it('on valid requests and responses of every operation', () => {
    fc.assert(
      fc.property(
        anyOperation.chain((op) =>
          fc.tuple(fc.constant(op), requestArbitrary(op), responseArbitrary(op, { presence: 'full' })),
        ),
        ([op, request, response]) => {
          expect(verdicts(operations[op].input, request)).toEqual({ fast: true, walk: true })
          expect(verdicts(operations[op].output, response)).toEqual({ fast: true, walk: true })
        },
      ),
      { numRuns: 300 },
    )
  })

  it('on values that break one constraint each, of every kind', () => {
    fc.assert(
      fc.property(
        anyOperation.chain((op) => fc.tuple(fc.constant(op), invalidOf(op))),
        ([op, sample]) => {
          const value = sample.value === null || sample.value === undefined ? {} : sample.value
          expect(verdicts(operations[op].input, value)).toEqual({ fast: false, walk: false })
        },
      ),
      { numRuns: 500 },
    )
  })

  it('on arbitrary JSON, nulls and surrogate pairs included', () => {
    const json = fc.jsonValue({ maxDepth: 3 })
    const value = fc.oneof(json, fc.dictionary(fc.string(), json), fc.string({ unit: 'grapheme' }))
    fc.assert(
      fc.property(anyOperation, value, (op, v) => {
        const input = verdicts(operations[op].input, v)
        expect(input.fast).toBe(input.walk)
        const output = verdicts(operations[op].output, v)
        expect(output.fast).toBe(output.walk)
      }),
      { numRuns: 500 },
    )
  })

  it('on objects of another prototype, whose members are read as properties (inherited ones too)', () => {
    class Request {
      constructor(readonly Username: string) {}
    }
    Object.defineProperty(Request.prototype, 'UserPoolId', { value: 'us-east-1_abc', enumerable: false })
    expect(verdicts(operations.AdminGetUser.input, new Request('jane'))).toEqual({ fast: true, walk: true })
    expect(verdicts(operations.AdminGetUser.input, Object.create(null))).toEqual({ fast: false, walk: false })
  })
})
