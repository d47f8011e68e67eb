import { describe, expect, it } from 'vitest'
import { type CognitoError, createCognito } from '../../../src/core/simulation/index.js'

const oidc = {
  client_id: 'c',
  authorize_scopes: 'openid',
  oidc_issuer: 'https://idp.example.com',
  attributes_request_method: 'GET',
}
const fails = async (action: Promise<unknown>): Promise<CognitoError> => {
  try {
    await action
  } catch (error) {
    return error as CognitoError
  }
  throw new Error('expected a Cognito error')
}

describe('user pools', () => {
  it("fills in Cognito's defaults for a pool created with only a name", async () => {
    const c = createCognito({ clock: () => new Date('2026-01-02T03:04:05.678Z') })
    const pool = (await c.send('CreateUserPool', { PoolName: 'minimal' })).UserPool!
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

  it('adds custom attributes with their prefix and adjusts standard ones; refuses required custom attributes', async () => {
    const c = createCognito()
    const pool = (
      await c.send('CreateUserPool', {
        PoolName: 'p',
        Schema: [
          { Name: 'email', Required: true },
          { Name: 'tenant', AttributeDataType: 'String' },
          { Name: 'tier', AttributeDataType: 'Number', DeveloperOnlyAttribute: true },
        ],
      })
    ).UserPool!
    const byName = new Map(pool.SchemaAttributes!.map((a) => [a.Name, a]))
    expect(byName.get('email')!.Required).toBe(true)
    expect(byName.get('custom:tenant')).toMatchObject({ AttributeDataType: 'String', Mutable: true })
    expect(byName.get('dev:custom:tier')).toMatchObject({ AttributeDataType: 'Number', DeveloperOnlyAttribute: true })
    expect(
      (await fails(c.send('CreateUserPool', { PoolName: 'p', Schema: [{ Name: 'plan', Required: true }] }))).message,
    ).toBe('Required custom attributes are not supported currently.')
  })

  it('UpdateUserPool resets what it is not given and keeps what it cannot change', async () => {
    const c = createCognito()
    const { Id } = (
      await c.send('CreateUserPool', {
        PoolName: 'p',
        MfaConfiguration: 'OPTIONAL',
        SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms' },
        AliasAttributes: ['email'],
        DeletionProtection: 'ACTIVE',
        UserPoolTags: { team: 'id' },
      })
    ).UserPool!
    await c.send('UpdateUserPool', { UserPoolId: Id!, EmailVerificationSubject: 'Verify' })
    const pool = (await c.send('DescribeUserPool', { UserPoolId: Id! })).UserPool!
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
      (
        await fails(
          c.send('UpdateUserPool', {
            UserPoolId: Id!,
            UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
          }),
        )
      ).message,
    ).toBe('All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes')
  })

  it("answers an unknown pool with ResourceNotFoundException in Cognito's words", async () => {
    const e = await fails(createCognito().send('DescribeUserPool', { UserPoolId: 'us-east-1_Missing99' }))
    expect([e.name, e.message, e.status]).toEqual([
      'ResourceNotFoundException',
      'User pool us-east-1_Missing99 does not exist.',
      400,
    ])
  })

  it('tags by ARN; unknown ARNs are not found', async () => {
    const c = createCognito()
    const { Arn } = (await c.send('CreateUserPool', { PoolName: 'p' })).UserPool!
    await c.send('TagResource', { ResourceArn: Arn!, Tags: { env: 'test', team: 'identity' } })
    await c.send('UntagResource', { ResourceArn: Arn!, TagKeys: ['team', 'absent'] })
    expect((await c.send('ListTagsForResource', { ResourceArn: Arn! })).Tags).toEqual({ env: 'test' })
    expect(
      (await fails(c.send('ListTagsForResource', { ResourceArn: Arn!.replace('123456789012', '999999999999') }))).name,
    ).toBe('ResourceNotFoundException')
  })
})

describe('identity providers', () => {
  const pool = async () => {
    const c = createCognito()
    return { c, id: (await c.send('CreateUserPool', { PoolName: 'p' })).UserPool!.Id! }
  }

  it("adds what Cognito adds to each type's details, and hides Apple's private key", async () => {
    const { c, id } = await pool()
    const google = (
      await c.send('CreateIdentityProvider', {
        UserPoolId: id,
        ProviderName: 'Google',
        ProviderType: 'Google',
        ProviderDetails: { client_id: 'g', client_secret: 's', authorize_scopes: 'email profile openid' },
      })
    ).IdentityProvider!
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
    const fb = (
      await c.send('CreateIdentityProvider', {
        UserPoolId: id,
        ProviderName: 'Facebook',
        ProviderType: 'Facebook',
        ProviderDetails: {
          client_id: 'f',
          client_secret: 's',
          authorize_scopes: 'public_profile, email',
          api_version: 'v17.0',
        },
      })
    ).IdentityProvider!
    expect(fb.ProviderDetails!['authorize_url']).toBe('https://www.facebook.com/v17.0/dialog/oauth')
    const apple = (
      await c.send('CreateIdentityProvider', {
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
      })
    ).IdentityProvider!
    expect(apple.ProviderDetails).not.toHaveProperty('private_key')
    expect(apple.ProviderDetails!['oidc_issuer']).toBe('https://appleid.apple.com')
  })

  it('reads the redirect bindings of inline SAML metadata', async () => {
    const { c, id } = await pool()
    const xml =
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"><md:IDPSSODescriptor><md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/slo"/><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>'
    const saml = (
      await c.send('CreateIdentityProvider', {
        UserPoolId: id,
        ProviderName: 'Corp',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataFile: xml },
      })
    ).IdentityProvider!
    expect(saml.ProviderDetails).toMatchObject({
      SSORedirectBindingURI: 'https://idp.example.com/sso',
      SLORedirectBindingURI: 'https://idp.example.com/slo',
    })
    expect(
      (
        await fails(
          c.send('CreateIdentityProvider', {
            UserPoolId: id,
            ProviderName: 'Other',
            ProviderType: 'SAML',
            ProviderDetails: {},
          }),
        )
      ).name,
    ).toBe('InvalidParameterException')
  })

  it('names social providers after their type and keeps names and identifiers unique', async () => {
    const { c, id } = await pool()
    expect(
      (
        await fails(
          c.send('CreateIdentityProvider', {
            UserPoolId: id,
            ProviderName: 'MyGoogle',
            ProviderType: 'Google',
            ProviderDetails: { client_id: 'g', client_secret: 's', authorize_scopes: 'openid' },
          }),
        )
      ).name,
    ).toBe('InvalidParameterException')
    await c.send('CreateIdentityProvider', {
      UserPoolId: id,
      ProviderName: 'Okta',
      ProviderType: 'OIDC',
      ProviderDetails: oidc,
      IdpIdentifiers: ['example.com'],
    })
    const dup = await fails(
      c.send('CreateIdentityProvider', {
        UserPoolId: id,
        ProviderName: 'Okta',
        ProviderType: 'OIDC',
        ProviderDetails: oidc,
      }),
    )
    expect([dup.name, dup.message]).toEqual(['DuplicateProviderException', `Okta already exists in user pool ${id}`])
    expect(
      (
        await fails(
          c.send('CreateIdentityProvider', {
            UserPoolId: id,
            ProviderName: 'Auth0',
            ProviderType: 'OIDC',
            ProviderDetails: oidc,
            IdpIdentifiers: ['example.com'],
          }),
        )
      ).name,
    ).toBe('DuplicateProviderException')
  })

  it('pages with MaxResults and an opaque token, and refuses a token it did not issue', async () => {
    const { c, id } = await pool()
    for (const name of ['A1x', 'B2x', 'C3x'])
      await c.send('CreateIdentityProvider', {
        UserPoolId: id,
        ProviderName: name,
        ProviderType: 'OIDC',
        ProviderDetails: oidc,
      })
    const first = await c.send('ListIdentityProviders', { UserPoolId: id, MaxResults: 2 })
    expect(first.Providers!.map((p) => p.ProviderName)).toEqual(['A1x', 'B2x'])
    const second = await c.send('ListIdentityProviders', { UserPoolId: id, MaxResults: 2, NextToken: first.NextToken! })
    expect([second.Providers!.map((p) => p.ProviderName), second.NextToken]).toEqual([['C3x'], undefined])
    expect((await fails(c.send('ListIdentityProviders', { UserPoolId: id, NextToken: 'forged' }))).name).toBe(
      'InvalidParameterException',
    )
  })
})

describe('the engine', () => {
  it('keeps map keys like __proto__ and constructor as plain data', async () => {
    const { c, id } = await (async () => {
      const c = createCognito()
      return { c, id: (await c.send('CreateUserPool', { PoolName: 'p' })).UserPool!.Id! }
    })()
    const details = JSON.parse(
      '{"client_id":"c","authorize_scopes":"openid","oidc_issuer":"https://i.example.com","attributes_request_method":"GET","__proto__":"x","constructor":"y"}',
    ) as Record<string, string>
    const mapping = JSON.parse('{"__proto__":"email","hasOwnProperty":"sub"}') as Record<string, string>
    const p = (
      await c.send('CreateIdentityProvider', {
        UserPoolId: id,
        ProviderName: 'Okta',
        ProviderType: 'OIDC',
        ProviderDetails: details,
        AttributeMapping: mapping,
      })
    ).IdentityProvider!
    expect(Object.getPrototypeOf(p.ProviderDetails)).toBe(Object.prototype)
    expect(Object.hasOwn(p.ProviderDetails!, '__proto__')).toBe(true)
    expect(p.ProviderDetails!['constructor']).toBe('y')
    expect(JSON.parse(JSON.stringify(p.AttributeMapping))).toEqual(mapping)
    const restored = createCognito()
    restored.restore(c.snapshot())
    expect(
      (await restored.send('DescribeIdentityProvider', { UserPoolId: id, ProviderName: 'Okta' })).IdentityProvider,
    ).toEqual(p)
  })

  it('gives the same ids for the same seed, and two instances never share state', async () => {
    const a = createCognito({ seed: 42 })
    const b = createCognito({ seed: 42 })
    const ids = async (c: typeof a) => {
      const out: Array<string | undefined> = []
      for (let i = 0; i < 3; i++) out.push((await c.send('CreateUserPool', { PoolName: 'p' })).UserPool!.Id)
      return out
    }
    expect(await ids(a)).toEqual(await ids(b))
    expect((await a.send('ListUserPools', { MaxResults: 60 })).UserPools).toHaveLength(3)
    expect((await createCognito({ seed: 42 }).send('ListUserPools', { MaxResults: 60 })).UserPools).toHaveLength(0)
    expect((await createCognito({ seed: 43 }).send('CreateUserPool', { PoolName: 'p' })).UserPool!.Id).not.toBe(
      (await ids(createCognito({ seed: 42 })))[0],
    )
  })

  it('snapshots to plain JSON and restores, ids continuing where they were', async () => {
    const c = createCognito({ seed: 1 })
    await c.send('CreateUserPool', { PoolName: 'one' })
    const snap = c.snapshot()
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap)
    const next = (await c.send('CreateUserPool', { PoolName: 'two' })).UserPool!.Id
    c.restore(snap)
    expect((await c.send('ListUserPools', { MaxResults: 60 })).UserPools!.map((p) => p.Name)).toEqual(['one'])
    expect((await c.send('CreateUserPool', { PoolName: 'two' })).UserPool!.Id).toBe(next)
    c.reset()
    expect((await c.send('ListUserPools', { MaxResults: 60 })).UserPools).toEqual([])
  })

  it('seeds pools and providers in one call, and all or nothing', async () => {
    const c = createCognito()
    const [pool] = await c.seed({
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
      (await c.send('ListIdentityProviders', { UserPoolId: 'eu-west-1_Fixture01' })).Providers!.map(
        (p) => p.ProviderName,
      ),
    ).toEqual(['Okta'])
    const before = c.snapshot()
    await expect(
      c.seed({
        userPools: [
          { PoolName: 'ok' },
          { PoolName: 'bad', IdentityProviders: [{ ProviderName: 'X', ProviderType: 'SAML', ProviderDetails: {} }] },
        ],
      }),
    ).rejects.toThrow()
    expect(c.snapshot()).toEqual(before)
  })
})

describe('app clients', () => {
  const setup = async () => {
    const c = createCognito({ seed: 9 })
    const id = (await c.send('CreateUserPool', { PoolName: 'p' })).UserPool!.Id!
    await c.send('CreateIdentityProvider', {
      UserPoolId: id,
      ProviderName: 'Okta',
      ProviderType: 'OIDC',
      ProviderDetails: oidc,
    })
    return { c, id }
  }

  it("creates clients with Cognito's id and secret formats and defaults", async () => {
    const { c, id } = await setup()
    const created = (
      await c.send('CreateUserPoolClient', {
        UserPoolId: id,
        ClientName: 'web',
        GenerateSecret: true,
        SupportedIdentityProviders: ['COGNITO', 'Okta'],
      })
    ).UserPoolClient!
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
    expect(
      (await c.send('DescribeUserPoolClient', { UserPoolId: id, ClientId: created.ClientId! })).UserPoolClient,
    ).toEqual(created)
    expect((await c.send('ListUserPoolClients', { UserPoolId: id })).UserPoolClients).toEqual([
      { ClientId: created.ClientId, UserPoolId: id, ClientName: 'web' },
    ])
  })

  it("refuses providers the pool does not have, with Cognito's message", async () => {
    const { c, id } = await setup()
    const e = await fails(
      c.send('CreateUserPoolClient', { UserPoolId: id, ClientName: 'web', SupportedIdentityProviders: ['AzureAD'] }),
    )
    expect([e.name, e.message]).toEqual([
      'InvalidParameterException',
      `The provider AzureAD does not exist for User Pool ${id}`,
    ])
  })

  it('resets what an update leaves out, keeps id and secret, and forgets deleted clients', async () => {
    const { c, id } = await setup()
    const { ClientId, ClientSecret } = (
      await c.send('CreateUserPoolClient', {
        UserPoolId: id,
        ClientName: 'web',
        GenerateSecret: true,
        AccessTokenValidity: 5,
        CallbackURLs: ['https://app.example.com/cb'],
      })
    ).UserPoolClient!
    const updated = (await c.send('UpdateUserPoolClient', { UserPoolId: id, ClientId: ClientId!, ClientName: 'web-2' }))
      .UserPoolClient!
    expect(updated).toMatchObject({ ClientId, ClientSecret, ClientName: 'web-2', AccessTokenValidity: 60 })
    expect(updated.CallbackURLs).toBeUndefined()
    await c.send('DeleteUserPoolClient', { UserPoolId: id, ClientId: ClientId! })
    const e = await fails(c.send('DescribeUserPoolClient', { UserPoolId: id, ClientId: ClientId! }))
    expect([e.name, e.message]).toEqual(['ResourceNotFoundException', `User pool client ${ClientId} does not exist.`])
  })
})
