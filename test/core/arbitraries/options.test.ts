import fc from 'fast-check'
import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { UserPoolIdType, UserPoolType } from '../../../schemas/shapes.js'
import { arbitrary, requestArbitrary, responseArbitrary, sample } from '../../../src/core/arbitraries/index.js'
import { validate, validateSchema } from '../../../src/core/validate/index.js'

describe('options', () => {
  it('overrides by shape name and by member path, with values or arbitraries', () => {
    const options = {
      overrides: { UserPoolIdType: 'us-east-1_Override1', 'IdentityProvider.ProviderName': fc.constant('MyIdP') },
    }
    for (const r of fc.sample(responseArbitrary('DescribeIdentityProvider', { ...options, presence: 'full' }), {
      seed: 1,
      numRuns: 20,
    })) {
      expect(r.IdentityProvider.UserPoolId).toBe('us-east-1_Override1')
      expect(r.IdentityProvider.ProviderName).toBe('MyIdP')
    }
  })

  it('bounds list sizes within the model', () => {
    for (const r of fc.sample(responseArbitrary('ListUserPools', { presence: 'full', listSize: { min: 5, max: 7 } }), {
      seed: 2,
      numRuns: 30,
    })) {
      expect(r.UserPools!.length).toBeGreaterThanOrEqual(5)
      expect(r.UserPools!.length).toBeLessThanOrEqual(7)
    }
    const [tooMany] = fc.sample(requestArbitrary('CreateUserPool', { presence: 'full', listSize: { min: 80 } }), {
      seed: 3,
      numRuns: 1,
    })
    expect(tooMany!.Schema!.length).toBe(50)
  })

  it('keeps to ASCII when unicode is off', () => {
    for (const v of fc.sample(arbitrary('UsernameType', { unicode: false }), { seed: 4, numRuns: 200 }))
      expect(v).toMatch(/^[\x20-\x7e]+$/)
  })

  it('derives from a consumer schema built from ours', () => {
    const Tenant = Type.Object({
      tenantId: Type.String({ pattern: '^t-[0-9]{4}$' }),
      poolId: UserPoolIdType,
      pool: Type.Optional(UserPoolType),
      plan: Type.Union([Type.Literal('free'), Type.Literal('pro')]),
    })
    for (const v of fc.sample(arbitrary(Tenant), { seed: 5, numRuns: 100 })) {
      expect(validateSchema(Tenant, v)).toEqual({ valid: true })
      expect(v.tenantId).toMatch(/^t-[0-9]{4}$/)
    }
  })
})

describe('reproducible', () => {
  it('gives the same values for the same seed, different ones for another seed', () => {
    const a = JSON.stringify(sample('DescribeUserPool', { seed: 99, count: 5 }))
    expect(JSON.stringify(sample('DescribeUserPool', { seed: 99, count: 5 }))).toBe(a)
    expect(JSON.stringify(sample('DescribeUserPool', { seed: 100, count: 5 }))).not.toBe(a)
  })

  it('matches the golden samples byte for byte (the same on every machine and Node version)', async () => {
    const { default: golden } = await import('./golden-samples.json', { with: { type: 'json' } })
    for (const [target, expected] of Object.entries(golden as Record<string, unknown[]>)) {
      const [name, side] = target.split(' ') as [string, 'request' | 'response']
      expect(sample(name, { seed: 20_261_128, count: 2, side }), target).toEqual(expected)
    }
  })
})

describe('forward-compatible responses', () => {
  it('add unknown members and enum values that the current schema does not know', () => {
    const values = fc.sample(
      responseArbitrary('DescribeIdentityProvider', { forwardCompatible: true, presence: 'full' }),
      { seed: 6, numRuns: 200 },
    )
    const known = [
      'UserPoolId',
      'ProviderName',
      'ProviderType',
      'ProviderDetails',
      'AttributeMapping',
      'IdpIdentifiers',
      'LastModifiedDate',
      'CreationDate',
    ]
    expect(values.some((v) => Object.keys(v.IdentityProvider).some((k) => !known.includes(k)))).toBe(true)
    expect(values.some((v) => v.IdentityProvider.ProviderType === ('FUTURE_VALUE' as never))).toBe(true)
    expect(values.some((v) => !validate('DescribeIdentityProvider', 'response', v).valid)).toBe(true)
  })
})
