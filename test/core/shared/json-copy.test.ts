import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonCopy } from '../../../src/core/shared/json-copy.js'

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe('jsonCopy', () => {
  it('gives what a JSON round trip gives, for any JSON-like value', () => {
    const extra = fc.oneof(fc.constant(-0), fc.constant(undefined), fc.constant(Number.NaN), fc.constant(Infinity))
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        extra,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__')), tie('node'), { maxKeys: 4 }),
      ),
    })).node
    fc.assert(
      fc.property(value, (inner) => {
        // Wrapped: a top-level undefined has no JSON text to round-trip.
        const v = [inner]
        const copy = jsonCopy(v)
        expect(JSON.stringify(copy)).toBe(JSON.stringify(v))
        expect(copy).toStrictEqual(roundTrip(v))
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps a __proto__ member as an own member, and shares nothing with the original', () => {
    const original = JSON.parse('{"__proto__":{"a":[1,{"b":2}]}}') as Record<string, unknown>
    const copy = jsonCopy(original) as Record<string, unknown>
    expect(Object.hasOwn(copy, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(copy).toStrictEqual(original)
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')!.value).not.toBe(
      Object.getOwnPropertyDescriptor(original, '__proto__')!.value,
    )
  })
})
