import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type OperationName, operations } from '../../../schemas/operations.js'
import { invalidArbitrary } from '../../../src/core/arbitraries/index.js'
import { validate } from '../../../src/core/validate/index.js'

const SEVEN: OperationName[] = [
  'CreateUserPool',
  'DescribeUserPool',
  'CreateIdentityProvider',
  'DescribeIdentityProvider',
  'UpdateIdentityProvider',
  'ListIdentityProviders',
  'GetIdentityProviderByIdentifier',
]

describe('invalidArbitrary', () => {
  it.each(SEVEN)("%s: each value breaks one constraint and carries Cognito's exact message", (op) => {
    const kinds = new Set<string>()
    for (const s of fc.sample(invalidArbitrary(op), { seed: 11, numRuns: 200 })) {
      kinds.add(s.violation.kind)
      const result = validate(op, 'request', s.value)
      expect(result.valid).toBe(false)
      if (result.valid) continue
      expect(result.message).toBe(s.message)
      expect(result.exception).toBe(s.exception)
      if (s.exception === 'InvalidParameterException') {
        expect(result.errors).toHaveLength(1)
        expect(s.message).toMatch(/^1 validation error detected: Value( null| '[\s\S]*')? at '/)
        expect(s.message).toContain(`at '${s.violation.path}' failed to satisfy constraint: `)
      }
    }
    expect(kinds.has('required')).toBe(true)
    expect(kinds.has('type')).toBe(true)
  })

  it('covers every kind of violation the model allows', () => {
    const kinds = new Set<string>()
    for (const op of ['CreateUserPool', 'ListIdentityProviders', 'CreateIdentityProvider'] as const) {
      for (const s of fc.sample(invalidArbitrary(op), { seed: 12, numRuns: 400 })) kinds.add(s.violation.kind)
    }
    expect([...kinds].sort()).toEqual([
      'enum',
      'maxItems',
      'maxLength',
      'maximum',
      'minItems',
      'minLength',
      'minimum',
      'pattern',
      'required',
      'type',
    ])
  })

  it('restricts to the kinds asked for, and breaks responses too', () => {
    for (const s of fc.sample(invalidArbitrary('ListIdentityProviders', { kinds: ['minimum', 'maximum'] }), {
      seed: 13,
      numRuns: 50,
    })) {
      expect(s.violation.path).toBe('maxResults')
      expect(s.message).toMatch(
        /^1 validation error detected: Value '-?\d+' at 'maxResults' failed to satisfy constraint: Member must have value (greater|less) than or equal to (0|60)$/,
      )
    }
    for (const s of fc.sample(invalidArbitrary('DescribeIdentityProvider', { side: 'response', kinds: ['enum'] }), {
      seed: 14,
      numRuns: 20,
    })) {
      expect(s.violation.path).toBe('identityProvider.providerType')
      expect(validate('DescribeIdentityProvider', 'response', s.value)).toMatchObject({
        valid: false,
        message: s.message,
      })
    }
  })

  it("is consistent with validate for every operation's request", () => {
    for (const op of Object.keys(operations) as OperationName[]) {
      for (const s of fc.sample(invalidArbitrary(op), { seed: 15, numRuns: 10 })) {
        expect(validate(op, 'request', s.value), op).toMatchObject({
          valid: false,
          exception: s.exception,
          message: s.message,
        })
      }
    }
  })
})
