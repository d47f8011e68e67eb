import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type OperationName, operations } from '../../../schemas/operations.js'
import { invalidArbitrary, requestArbitrary, responseArbitrary } from '../../../src/core/arbitraries/index.js'
import { type Collector, compile } from '../../../src/core/validate/compile.js'

const names = Object.keys(operations) as OperationName[]

/** The two verdicts of one compiled schema: the fast yes/no, and the walk that names every issue. */
function verdicts(schema: unknown, value: unknown) {
  const compiled = compile(schema as Record<string, unknown>)
  const out: Collector = { issues: [] }
  compiled.check(value, '', out)
  return { fast: compiled.valid(value), walk: out.issues.length === 0 && out.serialization === undefined }
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
})
