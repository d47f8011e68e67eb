import {
  AdminGetUserCommand,
  AdminLinkProviderForUserCommand,
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolDomainCommand,
  type IdentityProviderTypeType,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import * as client from 'openid-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCognitoServer } from '../../../../src/adapters/server/index.js'
import { BrowserlessSession } from '../../../../src/adapters/testing/index.js'
import { CALLBACK, type HostedWorld, hostedWorld } from './support.js'

let world: HostedWorld
let config: client.Configuration

const PROVIDERS = {
  Google: {
    client_id: 'g.apps.googleusercontent.com',
    client_secret: 'g-secret',
    authorize_scopes: 'email profile openid',
  },
  Facebook: { client_id: '1234', client_secret: 'fb-secret', authorize_scopes: 'public_profile, email' },
  LoginWithAmazon: {
    client_id: 'amzn1.application-oa2-client.1',
    client_secret: 'amzn-secret',
    authorize_scopes: 'profile postal_code',
  },
  SignInWithApple: {
    client_id: 'com.example.web',
    team_id: 'TEAM123456',
    key_id: 'KEY1234567',
    private_key: '-----BEGIN PRIVATE KEY-----\nMIG\n-----END PRIVATE KEY-----',
    authorize_scopes: 'email name',
  },
} as const

beforeAll(async () => {
  world = await hostedWorld({
    lambdas: {
      record: async (event: { userName: string }) => {
        if (event.userName.endsWith('_refused')) throw new Error('not this one')
        return event
      },
    },
  })
  for (const [ProviderName, ProviderDetails] of Object.entries(PROVIDERS))
    await world.sdk.send(
      new CreateIdentityProviderCommand({
        UserPoolId: world.poolId,
        ProviderName,
        ProviderType: ProviderName as IdentityProviderTypeType,
        ProviderDetails,
        AttributeMapping: {
          email: 'email',
          name: 'name',
          username: { Google: 'sub', SignInWithApple: 'sub', Facebook: 'id', LoginWithAmazon: 'user_id' }[
            ProviderName
          ]!,
        },
      }),
    )
  await world.sdk.send(
    new UpdateUserPoolClientCommand({
      UserPoolId: world.poolId,
      ClientId: world.web.id,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [CALLBACK],
      SupportedIdentityProviders: ['COGNITO', ...Object.keys(PROVIDERS)],
    }),
  )
  config = await client.discovery(
    new URL(`${world.server.url}${world.poolId}/.well-known/openid-configuration`),
    world.web.id,
    world.web.secret,
    undefined,
    { execute: [client.allowInsecureRequests] },
  )
}, 30_000)
afterAll(async () => {
  await world.server.close()
})

/** The web client's authorize URL through a provider. */
function authorizeUrl(provider: string, state = client.randomState()): URL {
  return client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    identity_provider: provider,
    state,
  })
}

/** Through the stand-in page of `provider` with a typed account, back to the app, and the code exchanged. */
async function signIn(provider: string, account: Record<string, string>) {
  const state = client.randomState()
  const browser = new BrowserlessSession()
  const standIn = await browser.follow(authorizeUrl(provider, state).href)
  expect(standIn.status).toBe(200)
  const back = await browser.submit(standIn, account, { form: 'stand-in-sign-in', stopAt: CALLBACK })
  expect(back.url).toMatch(new RegExp(`^${CALLBACK}\\?code=`))
  const tokens = await client.authorizationCodeGrant(config, new URL(back.url), { expectedState: state })
  return tokens.claims()!
}

describe('social providers through the stand-in page', () => {
  it("sends the browser to the provider's stand-in with what Cognito sends the real one", async () => {
    const response = await fetch(authorizeUrl('Google'), { redirect: 'manual' })
    const location = new URL(response.headers.get('location')!)
    expect(`${location.origin}${location.pathname}`).toBe(`${world.base}/_stand-in/Google`)
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: 'g.apps.googleusercontent.com',
      redirect_uri: `${world.base}/oauth2/idpresponse`,
      response_type: 'code',
      scope: 'email profile openid',
    })
    const page = await (await fetch(location)).text()
    expect(page).toContain('<title>Sign in with Google</title>')
  })

  it('signs in as Google_<sub>: mapped attributes, identities, the provider group, EXTERNAL_PROVIDER', async () => {
    const claims = await signIn('Google', { id: '109354484677663308178', email: 'ann@gmail.com', name: 'Ann Lee' })
    expect(claims).toMatchObject({
      'cognito:username': 'Google_109354484677663308178',
      email: 'ann@gmail.com',
      name: 'Ann Lee',
      'cognito:groups': [`${world.poolId}_Google`],
    })
    expect(claims['identities']).toEqual([
      expect.objectContaining({ userId: '109354484677663308178', providerName: 'Google', providerType: 'Google' }),
    ])
    const user = await world.sdk.send(
      new AdminGetUserCommand({ UserPoolId: world.poolId, Username: 'Google_109354484677663308178' }),
    )
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER')
  })

  it('offers the account again, and `?account=` picks it without a form (headless tests)', async () => {
    const browser = new BrowserlessSession()
    const standIn = await browser.follow(authorizeUrl('Google').href)
    expect(standIn.html).toContain('Ann Lee · ann@gmail.com · 109354484677663308178')
    const back = await browser.follow(`${standIn.url}&account=ann%40gmail.com`, { stopAt: CALLBACK })
    expect(back.url).toMatch(new RegExp(`^${CALLBACK}\\?code=`))
  })

  it.each([
    ['Facebook', 'Facebook_10160123456789012', { id: '10160123456789012', email: 'bo@fb.example' }],
    ['LoginWithAmazon', 'LoginWithAmazon_amzn1.account.AGXYZ123', { id: 'amzn1.account.AGXYZ123' }],
    ['SignInWithApple', 'SignInWithApple_001234.abcdef.0123', { id: '001234.abcdef.0123', email: 'di@icloud.example' }],
  ])('%s signs in as %s', async (provider, username, account) => {
    const claims = await signIn(provider, account)
    expect(claims['cognito:username']).toBe(username)
    expect((claims['identities'] as Array<{ providerType: string }>)[0]!.providerType).toBe(provider)
  })

  it("gives a typed account without a subject one in the provider's shape", async () => {
    const claims = await signIn('LoginWithAmazon', { email: 'new@amzn.example' })
    expect(claims['cognito:username']).toMatch(/^LoginWithAmazon_amzn1\.account\.[A-Z0-9]{28}$/)
  })

  it("sends a refusal back to the app with the provider's error code", async () => {
    for (const [provider, error] of [
      ['Google', 'access_denied'],
      ['SignInWithApple', 'user_cancelled_authorize'],
    ] as const) {
      const browser = new BrowserlessSession()
      const standIn = await browser.follow(authorizeUrl(provider, 'app-state').href)
      const back = await browser.submit(standIn, {}, { form: 'refuse', stopAt: CALLBACK })
      expect(back.url).toBe(`${CALLBACK}?state=app-state&error=${error}`)
    }
  })

  it('a Google identity linked to an existing user signs in as that user', async () => {
    await world.sdk.send(
      new AdminLinkProviderForUserCommand({
        UserPoolId: world.poolId,
        DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'jane' },
        SourceUser: {
          ProviderName: 'Google',
          ProviderAttributeName: 'Cognito_Subject',
          ProviderAttributeValue: '200000000000000000001',
        },
      }),
    )
    const claims = await signIn('Google', { id: '200000000000000000001', email: 'jane@gmail.com' })
    expect(claims['cognito:username']).toBe('jane')
    expect(claims['identities']).toEqual([
      expect.objectContaining({ userId: '200000000000000000001', providerName: 'Google', providerType: 'Google' }),
    ])
  })

  it('runs PreSignUp_ExternalProvider and PostConfirmation on the first sign-in; a refusal reaches the app', async () => {
    const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:record'
    await world.sdk.send(
      new UpdateUserPoolCommand({
        UserPoolId: world.poolId,
        AutoVerifiedAttributes: ['email'],
        LambdaConfig: { PreSignUp: arn, PostConfirmation: arn },
      }),
    )
    await signIn('Facebook', { id: '555', email: 'ed@fb.example' })
    expect(world.server.mock.invocations({ userName: 'Facebook_555' }).map((i) => i.triggerSource)).toEqual([
      'PreSignUp_ExternalProvider',
      'PostConfirmation_ConfirmSignUp',
    ])
    const browser = new BrowserlessSession()
    const standIn = await browser.follow(authorizeUrl('Facebook', 's').href)
    const back = await browser.submit(standIn, { id: 'refused' }, { form: 'stand-in-sign-in', stopAt: CALLBACK })
    expect(back.url).toBe(
      `${CALLBACK}?error_description=PreSignUp+failed+with+error+not+this+one.&state=s&error=invalid_request`,
    )
  })

  it('refuses a stand-in request without a sign-in in flight, and a form without its CSRF token', async () => {
    const stale = await fetch(`${world.base}/_stand-in/Google?state=nope`, { redirect: 'manual' })
    expect(stale.headers.get('location')).toBe(`${world.base}/error?error=invalid_request`)
    const posted = await fetch(`${world.base}/_stand-in/Google`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'state=x&email=a%40b.example',
    })
    expect(posted.status).toBe(400)
  })
})

describe('stand-in accounts from fixtures', () => {
  it('are offered by the page and picked by `?account=`', async () => {
    const server = await startCognitoServer({
      fixtures: {
        userPools: [
          {
            PoolName: 'social',
            Id: 'eu-west-1_Social0001',
            IdentityProviders: [{ ProviderName: 'Google', ProviderType: 'Google', ProviderDetails: PROVIDERS.Google }],
            Clients: [
              {
                ClientName: 'web',
                ClientId: 'socialclient0000000000001',
                AllowedOAuthFlowsUserPoolClient: true,
                AllowedOAuthFlows: ['code'],
                AllowedOAuthScopes: ['openid', 'email'],
                CallbackURLs: [CALLBACK],
                SupportedIdentityProviders: ['Google'],
              },
            ],
            StandInAccounts: [{ provider: 'Google', id: '42', email: 'fixture@gmail.com', name: 'Fix Ture' }],
          },
        ],
      },
    })
    try {
      const sdk = new CognitoIdentityProviderClient({
        endpoint: server.url,
        region: 'eu-west-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      })
      await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: 'eu-west-1_Social0001', Domain: 'social' }))
      const query = new URLSearchParams({
        client_id: 'socialclient0000000000001',
        redirect_uri: CALLBACK,
        response_type: 'code',
        identity_provider: 'Google',
      })
      const browser = new BrowserlessSession()
      const standIn = await browser.follow(`${server.url}_domain/social/oauth2/authorize?${query}`)
      expect(standIn.html).toContain('Fix Ture · fixture@gmail.com · 42')
      const back = await browser.follow(`${standIn.url}&account=42`, { stopAt: CALLBACK })
      expect(back.url).toMatch(new RegExp(`^${CALLBACK}\\?code=`))
      const user = await sdk.send(
        new AdminGetUserCommand({ UserPoolId: 'eu-west-1_Social0001', Username: 'Google_42' }),
      )
      expect(user.UserStatus).toBe('EXTERNAL_PROVIDER')
    } finally {
      await server.close()
    }
  })
})
