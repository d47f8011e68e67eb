import { describe, expect, it } from 'vitest'
import { operations } from '../../../schemas/operations.js'
import { knownMembers } from '../../../src/core/validate/known-members.js'

const createPool = operations.CreateUserPool.input

describe('knownMembers', () => {
  it('drops members the schema does not name, at the top and inside structures, lists and maps', () => {
    const input = {
      PoolName: 'p',
      Foo: 'bar',
      Policies: { PasswordPolicy: { MinimumLength: 8, Junk: 1 }, Other: {} },
      Schema: [{ Name: 'tenant', AttributeDataType: 'String', Extra: true }],
      UserPoolTags: { team: 'a' },
    }
    expect(knownMembers(createPool, input)).toEqual({
      PoolName: 'p',
      Policies: { PasswordPolicy: { MinimumLength: 8 } },
      Schema: [{ Name: 'tenant', AttributeDataType: 'String' }],
      UserPoolTags: { team: 'a' },
    })
  })

  it('gives back the same value when every member is known, and never changes the value it is given', () => {
    const clean = { PoolName: 'p', Policies: { PasswordPolicy: { MinimumLength: 8 } } }
    expect(knownMembers(createPool, clean)).toBe(clean)
    const dirty = { PoolName: 'p', Policies: { PasswordPolicy: { MinimumLength: 8, Junk: 1 } } }
    const copy = structuredClone(dirty)
    knownMembers(createPool, dirty)
    expect(dirty).toEqual(copy)
  })
})
