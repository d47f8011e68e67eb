import { describe, expect, it } from 'vitest'
import { type CognitoError, createCognito } from '../../../src/core/simulation/index.js'

const oidc = {
  client_id: 'c',
  authorize_scopes: 'openid',
  oidc_issuer: 'https://idp.example.com',
  attributes_request_method: 'GET',
}
const fails = (fn: () => unknown): CognitoError => {
  try {
    fn()
  } catch (error) {
    return error as CognitoError
  }
  throw new Error('expected a Cognito error')
}

describe('user pools', () => {
  it("fills in Cognito's defaults for a pool created with only a name", () => {
    const c = createCognito({ clock: () => new Date('2026-01-02T03:04:05.678Z') })
    const pool = c.send('CreateUserPool', { PoolName: 'minimal' }).UserPool!
    expect(pool).toMatchObject({
      Name: 'minimal',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 7,
        },
        SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
      },
      DeletionProtection: 'INACTIVE',
      MfaConfiguration: 'OFF',
      EstimatedNumberOfUsers: 0,
      UserPoolTier: 'ESSENTIALS',
      LambdaConfig: {},
      UserPoolTags: {},
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      CreationDate: 1767323045.678,
      LastModifiedDate: 1767323045.678,
    })
    expect(pool.Id).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/)
    expect(pool.SchemaAttributes!.map((a) => a.Name)).toEqual([
      'sub',
      'name',
      'given_name',
      'family_name',
      'middle_name',
      'nickname',
      'preferred_username',
      'profile',
      'picture',
      'website',
      'email',
      'email_verified',
      'gender',
      'birthdate',
      'zoneinfo',
      'locale',
      'phone_number',
      'phone_number_verified',
      'address',
      'updated_at',
    ])
    expect(pool.SchemaAttributes![0]).toEqual({
      Name: 'sub',
      AttributeDataType: 'String',
      DeveloperOnlyAttribute: false,
      Mutable: false,
      Required: true,
      StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' },
    })
  })

  it('adds custom attributes with their prefix and adjusts standard ones; refuses required custom attributes', () => {
    const c = createCognito()
    const pool = c.send('CreateUserPool', {
      PoolName: 'p',
      Schema: [
        { Name: 'email', Required: true },
        { Name: 'tenant', AttributeDataType: 'String' },
        { Name: 'tier', AttributeDataType: 'Number', DeveloperOnlyAttribute: true },
      ],
    }).UserPool!
    const byName = new Map(pool.SchemaAttributes!.map((a) => [a.Name, a]))
    expect(byName.get('email')!.Required).toBe(true)
    expect(byName.get('custom:tenant')).toMatchObject({ AttributeDataType: 'String', Mutable: true })
    expect(byName.get('dev:custom:tier')).toMatchObject({ AttributeDataType: 'Number', DeveloperOnlyAttribute: true })
    expect(
      fails(() => c.send('CreateUserPool', { PoolName: 'p', Schema: [{ Name: 'plan', Required: true }] })).message,
    ).toBe('Required custom attributes are not supported currently.')
  })

  it('UpdateUserPool resets what it is not given and keeps what it cannot change', () => {
    const c = createCognito()
    const { Id } = c.send('CreateUserPool', {
      PoolName: 'p',
      MfaConfiguration: 'OPTIONAL',
      SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms' },
      AliasAttributes: ['email'],
      DeletionProtection: 'ACTIVE',
      UserPoolTags: { team: 'id' },
    }).UserPool!
    c.send('UpdateUserPool', { UserPoolId: Id!, EmailVerificationSubject: 'Verify' })
    const pool = c.send('DescribeUserPool', { UserPoolId: Id! }).UserPool!
    expect(pool).toMatchObject({
      MfaConfiguration: 'OFF',
      DeletionProtection: 'INACTIVE',
      EmailVerificationSubject: 'Verify',
      AliasAttributes: ['email'],
      Name: 'p',
      UserPoolTags: { team: 'id' },
    })
    expect(pool.SmsConfiguration).toBeUndefined()
    expect(
      fails(() =>
        c.send('UpdateUserPool', {
          UserPoolId: Id!,
          UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
        }),
      ).message,
    ).toBe('All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes')
  })

  it("answers an unknown pool with ResourceNotFoundException in Cognito's words", () => {
    const e = fails(() => createCognito().send('DescribeUserPool', { UserPoolId: 'us-east-1_Missing99' }))
    expect([e.name, e.message, e.status]).toEqual([
      'ResourceNotFoundException',
      'User pool us-east-1_Missing99 does not exist.',
      400,
    ])
  })

  it('tags by ARN; unknown ARNs are not found', () => {
    const c = createCognito()
    const { Arn } = c.send('CreateUserPool', { PoolName: 'p' }).UserPool!
    c.send('TagResource', { ResourceArn: Arn!, Tags: { env: 'test', team: 'identity' } })
    c.send('UntagResource', { ResourceArn: Arn!, TagKeys: ['team', 'absent'] })
    expect(c.send('ListTagsForResource', { ResourceArn: Arn! }).Tags).toEqual({ env: 'test' })
    expect(
      fails(() => c.send('ListTagsForResource', { ResourceArn: Arn!.replace('123456789012', '999999999999') })).name,
    ).toBe('ResourceNotFoundException')
  })
})

describe('identity providers', () => {
  const pool = () => {
    const c = createCognito()
    return { c, id: c.send('CreateUserPool', { PoolName: 'p' }).UserPool!.Id! }
  }

  it("adds what Cognito adds to each type's details, and hides Apple's private key", () => {
    const { c, id } = pool()
    const google = c.send('CreateIdentityProvider', {
      UserPoolId: id,
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: { client_id: 'g', client_secret: 's', authorize_scopes: 'email profile openid' },
    }).IdentityProvider!
    expect(google.ProviderDetails).toEqual({
      attributes_url: 'https://people.googleapis.com/v1/people/me?personFields=',
      attributes_url_add_attributes: 'true',
      authorize_scopes: 'email profile openid',
      authorize_url: 'https://accounts.google.com/o/oauth2/v2/auth',
      client_id: 'g',
      client_secret: 's',
      oidc_issuer: 'https://accounts.google.com',
      token_request_method: 'POST',
      token_url: 'https://www.googleapis.com/oauth2/v4/token',
    })
    const fb = c.send('CreateIdentityProvider', {
      UserPoolId: id,
      ProviderName: 'Facebook',
      ProviderType: 'Facebook',
      ProviderDetails: {
        client_id: 'f',
        client_secret: 's',
        authorize_scopes: 'public_profile, email',
        api_version: 'v17.0',
      },
    }).IdentityProvider!
    expect(fb.ProviderDetails!['authorize_url']).toBe('https://www.facebook.com/v17.0/dialog/oauth')
    const apple = c.send('CreateIdentityProvider', {
      UserPoolId: id,
      ProviderName: 'SignInWithApple',
      ProviderType: 'SignInWithApple',
      ProviderDetails: {
        client_id: 'com.example',
        team_id: 'T',
        key_id: 'K',
        private_key: 'secret',
        authorize_scopes: 'email name',
      },
    }).IdentityProvider!
    expect(apple.ProviderDetails).not.toHaveProperty('private_key')
    expect(apple.ProviderDetails!['oidc_issuer']).toBe('https://appleid.apple.com')
  })

  it('reads the redirect bindings of inline SAML metadata', () => {
    const { c, id } = pool()
    const xml =
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"><md:IDPSSODescriptor><md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/slo"/><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>'
    const saml = c.send('CreateIdentityProvider', {
      UserPoolId: id,
      ProviderName: 'Corp',
      ProviderType: 'SAML',
      ProviderDetails: { MetadataFile: xml },
    }).IdentityProvider!
    expect(saml.ProviderDetails).toMatchObject({
      SSORedirectBindingURI: 'https://idp.example.com/sso',
      SLORedirectBindingURI: 'https://idp.example.com/slo',
    })
    expect(
      fails(() =>
        c.send('CreateIdentityProvider', {
          UserPoolId: id,
          ProviderName: 'Other',
          ProviderType: 'SAML',
          ProviderDetails: {},
        }),
      ).name,
    ).toBe('InvalidParameterException')
  })

  it('names social providers after their type and keeps names and identifiers unique', () => {
    const { c, id } = pool()
    expect(
      fails(() =>
        c.send('CreateIdentityProvider', {
          UserPoolId: id,
          ProviderName: 'MyGoogle',
          ProviderType: 'Google',
          ProviderDetails: { client_id: 'g', client_secret: 's', authorize_scopes: 'openid' },
        }),
      ).name,
    ).toBe('InvalidParameterException')
    c.send('CreateIdentityProvider', {
      UserPoolId: id,
      ProviderName: 'Okta',
      ProviderType: 'OIDC',
      ProviderDetails: oidc,
      IdpIdentifiers: ['example.com'],
    })
    const dup = fails(() =>
      c.send('CreateIdentityProvider', {
        UserPoolId: id,
        ProviderName: 'Okta',
        ProviderType: 'OIDC',
        ProviderDetails: oidc,
      }),
    )
    expect([dup.name, dup.message]).toEqual(['DuplicateProviderException', `Okta already exists in user pool ${id}`])
    expect(
      fails(() =>
        c.send('CreateIdentityProvider', {
          UserPoolId: id,
          ProviderName: 'Auth0',
          ProviderType: 'OIDC',
          ProviderDetails: oidc,
          IdpIdentifiers: ['example.com'],
        }),
      ).name,
    ).toBe('DuplicateProviderException')
  })

  it('pages with MaxResults and an opaque token, and refuses a token it did not issue', () => {
    const { c, id } = pool()
    for (const name of ['A1x', 'B2x', 'C3x'])
      c.send('CreateIdentityProvider', {
        UserPoolId: id,
        ProviderName: name,
        ProviderType: 'OIDC',
        ProviderDetails: oidc,
      })
    const first = c.send('ListIdentityProviders', { UserPoolId: id, MaxResults: 2 })
    expect(first.Providers!.map((p) => p.ProviderName)).toEqual(['A1x', 'B2x'])
    const second = c.send('ListIdentityProviders', { UserPoolId: id, MaxResults: 2, NextToken: first.NextToken! })
    expect([second.Providers!.map((p) => p.ProviderName), second.NextToken]).toEqual([['C3x'], undefined])
    expect(fails(() => c.send('ListIdentityProviders', { UserPoolId: id, NextToken: 'forged' })).name).toBe(
      'InvalidParameterException',
    )
  })
})

describe('the engine', () => {
  it('keeps map keys like __proto__ and constructor as plain data', () => {
    const { c, id } = (() => {
      const c = createCognito()
      return { c, id: c.send('CreateUserPool', { PoolName: 'p' }).UserPool!.Id! }
    })()
    const details = JSON.parse(
      '{"client_id":"c","authorize_scopes":"openid","oidc_issuer":"https://i.example.com","attributes_request_method":"GET","__proto__":"x","constructor":"y"}',
    ) as Record<string, string>
    const mapping = JSON.parse('{"__proto__":"email","hasOwnProperty":"sub"}') as Record<string, string>
    const p = c.send('CreateIdentityProvider', {
      UserPoolId: id,
      ProviderName: 'Okta',
      ProviderType: 'OIDC',
      ProviderDetails: details,
      AttributeMapping: mapping,
    }).IdentityProvider!
    expect(Object.getPrototypeOf(p.ProviderDetails)).toBe(Object.prototype)
    expect(Object.hasOwn(p.ProviderDetails!, '__proto__')).toBe(true)
    expect(p.ProviderDetails!['constructor']).toBe('y')
    expect(JSON.parse(JSON.stringify(p.AttributeMapping))).toEqual(mapping)
    const restored = createCognito()
    restored.restore(c.snapshot())
    expect(
      restored.send('DescribeIdentityProvider', { UserPoolId: id, ProviderName: 'Okta' }).IdentityProvider,
    ).toEqual(p)
  })

  it('gives the same ids for the same seed, and two instances never share state', () => {
    const a = createCognito({ seed: 42 })
    const b = createCognito({ seed: 42 })
    const ids = (c: typeof a) => [1, 2, 3].map(() => c.send('CreateUserPool', { PoolName: 'p' }).UserPool!.Id)
    expect(ids(a)).toEqual(ids(b))
    expect(a.send('ListUserPools', { MaxResults: 60 }).UserPools).toHaveLength(3)
    expect(createCognito({ seed: 42 }).send('ListUserPools', { MaxResults: 60 }).UserPools).toHaveLength(0)
    expect(createCognito({ seed: 43 }).send('CreateUserPool', { PoolName: 'p' }).UserPool!.Id).not.toBe(
      ids(createCognito({ seed: 42 }))[0],
    )
  })

  it('snapshots to plain JSON and restores, ids continuing where they were', () => {
    const c = createCognito({ seed: 1 })
    c.send('CreateUserPool', { PoolName: 'one' })
    const snap = c.snapshot()
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap)
    const next = c.send('CreateUserPool', { PoolName: 'two' }).UserPool!.Id
    c.restore(snap)
    expect(c.send('ListUserPools', { MaxResults: 60 }).UserPools!.map((p) => p.Name)).toEqual(['one'])
    expect(c.send('CreateUserPool', { PoolName: 'two' }).UserPool!.Id).toBe(next)
    c.reset()
    expect(c.send('ListUserPools', { MaxResults: 60 }).UserPools).toEqual([])
  })

  it('seeds pools and providers in one call, and all or nothing', () => {
    const c = createCognito()
    const [pool] = c.seed({
      userPools: [
        {
          PoolName: 'fixture',
          Id: 'eu-west-1_Fixture01',
          IdentityProviders: [{ ProviderName: 'Okta', ProviderType: 'OIDC', ProviderDetails: oidc }],
        },
      ],
    })
    expect(pool!.Arn).toBe('arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Fixture01')
    expect(
      c.send('ListIdentityProviders', { UserPoolId: 'eu-west-1_Fixture01' }).Providers!.map((p) => p.ProviderName),
    ).toEqual(['Okta'])
    const before = c.snapshot()
    expect(() =>
      c.seed({
        userPools: [
          { PoolName: 'ok' },
          { PoolName: 'bad', IdentityProviders: [{ ProviderName: 'X', ProviderType: 'SAML', ProviderDetails: {} }] },
        ],
      }),
    ).toThrow()
    expect(c.snapshot()).toEqual(before)
  })
})

describe('app clients', () => {
  const setup = () => {
    const c = createCognito({ seed: 9 })
    const id = c.send('CreateUserPool', { PoolName: 'p' }).UserPool!.Id!
    c.send('CreateIdentityProvider', {
      UserPoolId: id,
      ProviderName: 'Okta',
      ProviderType: 'OIDC',
      ProviderDetails: oidc,
    })
    return { c, id }
  }

  it("creates clients with Cognito's id and secret formats and defaults", () => {
    const { c, id } = setup()
    const created = c.send('CreateUserPoolClient', {
      UserPoolId: id,
      ClientName: 'web',
      GenerateSecret: true,
      SupportedIdentityProviders: ['COGNITO', 'Okta'],
    }).UserPoolClient!
    expect(created.ClientId).toMatch(/^[a-z0-9]{26}$/)
    expect(created.ClientSecret).toMatch(/^[a-z0-9]{52}$/)
    expect(created).toMatchObject({
      ClientName: 'web',
      SupportedIdentityProviders: ['COGNITO', 'Okta'],
      RefreshTokenValidity: 30,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      EnableTokenRevocation: true,
      AuthSessionValidity: 3,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH'],
    })
    expect(c.send('DescribeUserPoolClient', { UserPoolId: id, ClientId: created.ClientId! }).UserPoolClient).toEqual(
      created,
    )
    expect(c.send('ListUserPoolClients', { UserPoolId: id }).UserPoolClients).toEqual([
      { ClientId: created.ClientId, UserPoolId: id, ClientName: 'web' },
    ])
  })

  it("refuses providers the pool does not have, with Cognito's message", () => {
    const { c, id } = setup()
    const e = fails(() =>
      c.send('CreateUserPoolClient', { UserPoolId: id, ClientName: 'web', SupportedIdentityProviders: ['AzureAD'] }),
    )
    expect([e.name, e.message]).toEqual([
      'InvalidParameterException',
      `The provider AzureAD does not exist for User Pool ${id}`,
    ])
  })

  it('resets what an update leaves out, keeps id and secret, and forgets deleted clients', () => {
    const { c, id } = setup()
    const { ClientId, ClientSecret } = c.send('CreateUserPoolClient', {
      UserPoolId: id,
      ClientName: 'web',
      GenerateSecret: true,
      AccessTokenValidity: 5,
      CallbackURLs: ['https://app.example.com/cb'],
    }).UserPoolClient!
    const updated = c.send('UpdateUserPoolClient', { UserPoolId: id, ClientId: ClientId!, ClientName: 'web-2' })
      .UserPoolClient!
    expect(updated).toMatchObject({ ClientId, ClientSecret, ClientName: 'web-2', AccessTokenValidity: 60 })
    expect(updated.CallbackURLs).toBeUndefined()
    c.send('DeleteUserPoolClient', { UserPoolId: id, ClientId: ClientId! })
    const e = fails(() => c.send('DescribeUserPoolClient', { UserPoolId: id, ClientId: ClientId! }))
    expect([e.name, e.message]).toEqual(['ResourceNotFoundException', `User pool client ${ClientId} does not exist.`])
  })
})
