import { describe, expect, it } from 'vitest'
import { bundle, oneOperation } from './support/bundle.js'

describe('importing one operation bundles one operation', () => {
  it('CreateUserPool alone keeps its own shapes and drops the others', async () => {
    const { text } = await bundle(oneOperation('CreateUserPool'))
    expect(text).toContain('AWSCognitoIdentityProviderService.CreateUserPool')
    expect(text).toContain('CreateUserPoolRequest')
    expect(text).toContain('UserPoolType')
    for (const other of ['AdminCreateUser', 'ListUsers', 'CreateIdentityProvider', 'InitiateAuth']) {
      expect(text).not.toContain(`AWSCognitoIdentityProviderService.${other}`)
      expect(text).not.toContain(`${other}Request`)
    }
  })

  it('is several times smaller than the whole catalog', async () => {
    const one = await bundle(oneOperation('DescribeIdentityProvider'))
    const all = await bundle(`import { operations } from './dist/schemas/operations.js'\nconsole.log(operations)\n`)
    expect(all.text).toContain('AWSCognitoIdentityProviderService.AdminCreateUser')
    expect(one.bytes * 4).toBeLessThan(all.bytes)
  })
})
