import fc from 'fast-check'
import type { TSchema } from 'typebox'
import { describe, expect, it } from 'vitest'
import { type OperationName, operations } from '../../../schemas/operations.js'
import * as shapes from '../../../schemas/shapes.js'
import { arbitrary, requestArbitrary, responseArbitrary } from '../../../src/core/arbitraries/index.js'
import type { Presence } from '../../../src/core/arbitraries/options.js'
import { validateSchema } from '../../../src/core/validate/validate-schema.js'

const SEED = 20_261_128

/** Draws `runs` values and returns the messages of those that fail validation (empty when all pass). */
function failures(arb: fc.Arbitrary<unknown>, schema: TSchema, runs: number): string[] {
  return fc.sample(arb, { seed: SEED, numRuns: runs }).flatMap((value) => {
    const r = validateSchema(schema, value)
    return r.valid ? [] : [`${r.message} in ${JSON.stringify(value).slice(0, 300)}`]
  })
}

const allShapes = Object.entries(shapes) as Array<[string, TSchema]>
const names = Object.keys(operations) as OperationName[]

describe('arbitraries are always valid', () => {
  it(`draws 100 valid values of every one of the ${allShapes.length} shapes`, () => {
    expect(allShapes.length).toBeGreaterThan(629)
    for (const [name, schema] of allShapes) expect(failures(arbitrary(schema), schema, 100), name).toEqual([])
  })

  it('draws 100 valid requests and responses of every operation', () => {
    for (const name of names) {
      expect(failures(requestArbitrary(name), operations[name].input, 100), `${name} request`).toEqual([])
      expect(failures(responseArbitrary(name), operations[name].output, 100), `${name} response`).toEqual([])
    }
  })

  it.each(['minimal', 'full'] as Presence[])('stays valid with presence %s', (presence) => {
    const options = { presence }
    for (const name of names) {
      expect(failures(requestArbitrary(name, options), operations[name].input, 20), `${name} request`).toEqual([])
      expect(failures(responseArbitrary(name, options), operations[name].output, 20), `${name} response`).toEqual([])
    }
  })

  it('includes every optional member with presence full, only required ones with minimal', () => {
    const [full] = fc.sample(responseArbitrary('DescribeIdentityProvider', { presence: 'full' }), {
      seed: SEED,
      numRuns: 1,
    })
    expect(Object.keys(full!.IdentityProvider)).toEqual([
      'UserPoolId',
      'ProviderName',
      'ProviderType',
      'ProviderDetails',
      'AttributeMapping',
      'IdpIdentifiers',
      'LastModifiedDate',
      'CreationDate',
    ])
    const [minimal] = fc.sample(requestArbitrary('CreateIdentityProvider', { presence: 'minimal' }), {
      seed: SEED,
      numRuns: 1,
    })
    expect(Object.keys(minimal!)).toEqual(['UserPoolId', 'ProviderName', 'ProviderType', 'ProviderDetails'])
  })
})
