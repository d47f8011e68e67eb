import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type OperationName, operations } from '../../../schemas/operations.js'
import { validate } from '../../../src/core/validate/validate.js'

const names = Object.keys(operations) as OperationName[]
const sides = ['request', 'response'] as const

function nested(depth: number): unknown {
  let value: unknown = { UserPoolId: 'x' }
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { Policies: value, UserPoolId: value }
  return value
}

describe('validate never throws', () => {
  it('for any value, any operation, either side', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom(...sides),
        fc.anything({
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withBigInt: true,
          withDate: true,
          withTypedArray: true,
          withMap: true,
          withSet: true,
        }),
        (op, side, value) => {
          const result = validate(op, side, value)
          expect(typeof result.valid).toBe('boolean')
          if (!result.valid) expect(result.message.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('for objects shaped like the request with arbitrary member values', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.dictionary(
          fc.constantFrom(
            'UserPoolId',
            'Username',
            'ProviderDetails',
            'Schema',
            'Policies',
            'MaxResults',
            'UserAttributes',
            '__proto__',
            'constructor',
          ),
          fc.anything(),
        ),
        (op, value) => {
          expect(() => validate(op, 'request', value)).not.toThrow()
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('for deeply nested input', () => {
    for (const name of names) expect(validate(name, 'request', nested(10_000)).valid).toBe(false)
  })

  it('for huge input', () => {
    const huge = {
      UserPoolId: `us-east-1_${'a'.repeat(1_000_000)}`,
      Username: '\u0000'.repeat(1_000_000),
      UserAttributes: Array.from({ length: 100_000 }, () => ({ Name: 'x' })),
    }
    const result = validate('AdminCreateUser', 'request', huge)
    expect(result.valid).toBe(false)
  })

  it('for values whose getters throw', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom')
        },
        ownKeys: () => {
          throw new Error('boom')
        },
      },
    )
    expect(() => validate('DescribeUserPool', 'request', hostile)).not.toThrow()
    expect(() => validate('DescribeUserPool', 'request', { UserPoolId: hostile })).not.toThrow()
  })
})
