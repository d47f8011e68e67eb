import { describe, expect, it } from 'vitest'
import { cognitoEnumOrder } from '../../../src/core/validate/java-order.js'
import { validate } from '../../../src/core/validate/validate.js'

const message = (r: ReturnType<typeof validate>): string => (r.valid ? 'valid' : `${r.exception}: ${r.message}`)
const pool = 'us-east-1_EXAMPLE1'

// Each expectation below is a message seen from real Cognito (quoted in public issues) or follows
// the same rule; the comment names which.
describe('Cognito validation messages', () => {
  it('pattern on the whole value (seen: clientId/userPoolId pattern messages)', () => {
    expect(message(validate('DescribeUserPool', 'request', { UserPoolId: ' us-east-1_abc' }))).toBe(
      "InvalidParameterException: 1 validation error detected: Value ' us-east-1_abc' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
    )
  })

  it('a missing required member (seen: "Value null at \'sub\' ... Member must not be null")', () => {
    expect(message(validate('DescribeUserPool', 'request', {}))).toBe(
      "InvalidParameterException: 1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
    )
  })

  it('JSON null counts as absent', () => {
    expect(message(validate('DescribeUserPool', 'request', { UserPoolId: null }))).toContain(
      "Value null at 'userPoolId'",
    )
    expect(validate('ListUserPools', 'request', { MaxResults: 10, NextToken: null })).toEqual({ valid: true })
  })

  it('sensitive values are left out, several errors joined with "; " (seen: SignUp with empty username)', () => {
    expect(message(validate('AdminGetUser', 'request', { UserPoolId: pool, Username: '' }))).toBe(
      "InvalidParameterException: 2 validation errors detected: Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
    )
  })

  it('enum sets in Cognito\'s order (seen: "[OPTIONAL, OFF, ON]" for mfaConfiguration)', () => {
    expect(message(validate('CreateUserPool', 'request', { PoolName: 'p', MfaConfiguration: 'false' }))).toBe(
      "InvalidParameterException: 1 validation error detected: Value 'false' at 'mfaConfiguration' failed to satisfy constraint: Member must satisfy enum value set: [OPTIONAL, OFF, ON]",
    )
  })

  it('reproduces the order of the eight-value ExplicitAuthFlows list seen in 2019', () => {
    const values = [
      'ADMIN_NO_SRP_AUTH',
      'CUSTOM_AUTH_FLOW_ONLY',
      'USER_PASSWORD_AUTH',
      'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      'ALLOW_CUSTOM_AUTH',
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
    ]
    expect(cognitoEnumOrder(values).join(', ')).toBe(
      'ALLOW_CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH',
    )
  })

  it('list element constraints are reported once on the list (seen: explicitAuthFlows)', () => {
    const r = validate('CreateUserPoolClient', 'request', {
      UserPoolId: pool,
      ClientName: 'web',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH'],
    })
    expect(message(r)).toMatch(
      /^InvalidParameterException: 1 validation error detected: Value '\[ALLOW_USER_SRP_AUTH, ADMIN_USER_PASSWORD_AUTH\]' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy constraint: \[Member must satisfy enum value set: \[.*\]\]$/,
    )
  })

  it('paths into lists of structures are 1-based with .member (seen: schema.1.member.name)', () => {
    expect(
      message(validate('CreateUserPool', 'request', { PoolName: 'p', Schema: [{ Name: 'phone_number_verified' }] })),
    ).toBe(
      "InvalidParameterException: 1 validation error detected: Value 'phone_number_verified' at 'schema.1.member.name' failed to satisfy constraint: Member must have length less than or equal to 20",
    )
  })

  it('nested paths in camel case, value ranges', () => {
    expect(
      message(
        validate('CreateUserPool', 'request', { PoolName: 'p', Policies: { PasswordPolicy: { MinimumLength: 5 } } }),
      ),
    ).toBe(
      "InvalidParameterException: 1 validation error detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6",
    )
    expect(message(validate('ListUserPools', 'request', { MaxResults: 0 }))).toBe(
      "InvalidParameterException: 1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    )
  })

  it('length limits', () => {
    expect(message(validate('DescribeUserPool', 'request', { UserPoolId: `us-east-1_${'a'.repeat(50)}` }))).toBe(
      `InvalidParameterException: 1 validation error detected: Value 'us-east-1_${'a'.repeat(50)}' at 'userPoolId' failed to satisfy constraint: Member must have length less than or equal to 55`,
    )
  })

  it('map keys and values are reported once each, keys first (seen: "Map keys must satisfy constraint: [...]")', () => {
    const r = validate('CreateUserPool', 'request', {
      PoolName: 'p',
      UserPoolTags: { ['k'.repeat(129)]: 'v'.repeat(257) },
    })
    if (r.valid || r.exception !== 'InvalidParameterException') throw new Error('expected InvalidParameterException')
    expect(r.errors.map((e) => e.keyword)).toEqual(['mapKeys', 'mapValues'])
    expect(r.errors[0]!.constraint).toMatch(
      /^Map keys must satisfy constraint: \[Member must have length less than or equal to 128, Member must have length greater than or equal to 1/,
    )
    expect(r.errors[1]!.constraint).toMatch(
      /^Map value must satisfy constraint: \[Member must have length less than or equal to 256/,
    )
  })

  it('OIDC is one of the provider types (the 2018-05-17 change)', () => {
    const base = {
      UserPoolId: pool,
      ProviderName: 'MyOIDC',
      ProviderDetails: {
        client_id: 'id',
        authorize_scopes: 'openid',
        oidc_issuer: 'https://issuer.example.com',
        attributes_request_method: 'GET',
      },
    }
    expect(validate('CreateIdentityProvider', 'request', { ...base, ProviderType: 'OIDC' })).toEqual({ valid: true })
    expect(message(validate('CreateIdentityProvider', 'request', { ...base, ProviderType: 'OpenID' }))).toContain(
      "Value 'OpenID' at 'providerType' failed to satisfy constraint: Member must satisfy enum value set: [",
    )
  })
})

describe('wrong JSON types answer SerializationException', () => {
  it.each([
    [{ UserPoolId: { a: 1 } }, 'Start of structure or map found where not expected.'],
    [
      { UserPoolId: 12 },
      'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String',
    ],
    [{ UserPoolId: true }, 'class java.lang.Boolean can not be converted to an String'],
    [{ UserPoolId: ['x'] }, 'Start of list found where not expected.'],
  ])('%j', (body, expected) => {
    const r = validate('DescribeUserPool', 'request', body)
    expect(r.valid ? 'valid' : [r.exception, r.message]).toEqual(['SerializationException', expected])
  })

  it('comes before constraint errors, as deserialisation runs first', () => {
    const r = validate('AdminCreateUser', 'request', {
      UserPoolId: 'bad id',
      Username: 'u',
      UserAttributes: [{ Name: 'email', Value: 5 }],
    })
    expect(r.valid ? 'valid' : r.exception).toBe('SerializationException')
  })

  it('a map given as a string (seen: "Expected map or null")', () => {
    const r = validate('RespondToAuthChallenge', 'request', {
      ClientId: 'abc',
      ChallengeName: 'SMS_MFA',
      ClientMetadata: 'x',
    })
    expect(r.valid ? 'valid' : r.message).toBe('Expected map or null')
  })
})
