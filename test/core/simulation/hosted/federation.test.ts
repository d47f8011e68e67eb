import {
  AdminDisableProviderForUserCommand,
  AdminGetUserCommand,
  AdminLinkProviderForUserCommand,
  CreateIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  ListUsersCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import * as client from 'openid-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startIdp } from '../../../support/idp.js'
import { CALLBACK, type HostedWorld, hostedWorld } from './support.js'

/** A cookie jar per origin, for a provider that sets several cookies at once. */
class Jar {
  readonly cookies = new Map<string, Map<string, string>>()

  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin
    const jar = this.cookies.get(origin) ?? new Map<string, string>()
    this.cookies.set(origin, jar)
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie && { cookie }) },
    })
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';')
      const at = pair!.indexOf('=')
      const name = pair!.slice(0, at)
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(set)) jar.delete(name)
      else jar.set(name, pair!.slice(at + 1))
    }
    return response
  }

  /** Follows redirects (GET) until one leaves for `stop`'s origin, or a page answers 200. */
  async follow(url: string, stop: string): Promise<{ response: Response | undefined; url: string }> {
    let next = url
    for (let i = 0; i < 20; i++) {
      if (next.startsWith(stop)) return { response: undefined, url: next }
      const response = await this.go(next)
      const location = response.headers.get('location')
      if (!location) return { response, url: next }
      next = new URL(location, next).href
    }
    throw new Error('too many redirects')
  }
}

let world: HostedWorld
let idpServer: { close: () => void }
let issuer = ''
const accounts: Record<string, Record<string, unknown>> = {
  alice: { sub: 'alice', email: 'alice@corp.example', email_verified: true, name: 'Alice Corp' },
  bob: { sub: 'bob', email: 'bob@corp.example', email_verified: true, name: 'Bob Corp' },
  carol: { sub: 'carol', email: 'carol@corp.example', email_verified: true, name: 'Carol Corp' },
  dave: { sub: 'dave', email: 'dave@corp.example', email_verified: true, name: 'Dave Corp' },
}

beforeAll(async () => {
  world = await hostedWorld({
    lambdas: {
      record: async (event: { userName: string }) => {
        if (event.userName === 'Corp_dave') throw new Error('no dave')
        return event
      },
    },
  })
  const idp = await startIdp(`${world.base}/oauth2/idpresponse`, (sub) => accounts[sub])
  issuer = idp.issuer
  idpServer = idp
  await world.sdk.send(
    new CreateIdentityProviderCommand({
      UserPoolId: world.poolId,
      ProviderName: 'Corp',
      ProviderType: 'OIDC',
      IdpIdentifiers: ['corp.example'],
      ProviderDetails: {
        client_id: 'cognito',
        client_secret: 'idp-secret',
        authorize_scopes: 'openid email profile',
        oidc_issuer: issuer,
        attributes_request_method: 'GET',
      },
      AttributeMapping: { email: 'email', email_verified: 'email_verified', name: 'name', username: 'sub' },
    }),
  )
  await world.sdk.send(
    new UpdateUserPoolClientCommand({
      UserPoolId: world.poolId,
      ClientId: world.web.id,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile', 'api/read'],
      CallbackURLs: [CALLBACK],
      SupportedIdentityProviders: ['COGNITO', 'Corp'],
    }),
  )
}, 30_000)
afterAll(async () => {
  idpServer?.close()
  await world.server.close()
})

/** Signs `login` in at the provider: its login prompt, then its consent prompt (oidc-provider's dev interactions). */
async function atProvider(jar: Jar, location: string, login: string): Promise<string> {
  let page = await jar.follow(location, world.base)
  for (let i = 0; i < 4 && !page.url.startsWith(world.base); i++) {
    const html = await page.response!.text()
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? 'login'
    const action = new URL(/action="([^"]+)"/.exec(html)![1]!, page.url).href
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt })
    const posted = await jar.go(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    })
    page = await jar.follow(new URL(posted.headers.get('location')!, action).href, world.base)
  }
  return page.url
}

/** The web client's authorize URL for a code sent through the Corp provider, without openid-client's extras. */
function corpAuthorizeUrl(state: string): string {
  const params = new URLSearchParams({
    client_id: world.web.id,
    redirect_uri: CALLBACK,
    response_type: 'code',
    identity_provider: 'Corp',
    state,
  })
  return `${world.base}/oauth2/authorize?${params}`
}

async function federatedSignIn(params: Record<string, string>, login = 'alice') {
  const config = await client.discovery(
    new URL(`${world.server.url}${world.poolId}/.well-known/openid-configuration`),
    world.web.id,
    world.web.secret,
    undefined,
    { execute: [client.allowInsecureRequests] },
  )
  const state = client.randomState()
  const nonce = client.randomNonce()
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    state,
    nonce,
    ...params,
  })
  const jar = new Jar()
  const toIdp = await jar.go(url.href)
  const idpLocation = toIdp.headers.get('location')!
  expect(idpLocation.startsWith(`${issuer}/auth?`)).toBe(true)
  const callback = await atProvider(jar, idpLocation, login)
  expect(callback.startsWith(`${world.base}/oauth2/idpresponse?`)).toBe(true)
  const back = await jar.go(callback)
  const location = back.headers.get('location')!
  expect(location).toMatch(new RegExp(`^${CALLBACK}\\?code=`))
  return client.authorizationCodeGrant(config, new URL(location), { expectedState: state, expectedNonce: nonce })
}

describe('federation through an OIDC provider (oidc-provider on loopback)', () => {
  it("reads the provider's endpoints from its discovery document at CreateIdentityProvider", async () => {
    const { IdentityProvider } = await world.sdk.send(
      new DescribeIdentityProviderCommand({ UserPoolId: world.poolId, ProviderName: 'Corp' }),
    )
    expect(IdentityProvider!.ProviderDetails).toMatchObject({
      authorize_url: `${issuer}/auth`,
      token_url: `${issuer}/token`,
      attributes_url: `${issuer}/me`,
      jwks_uri: `${issuer}/jwks`,
      oidc_issuer: issuer,
    })
  })

  it("signs a user in through the provider: Cognito's own tokens, mapped attributes, identities, the provider group", async () => {
    const tokens = await federatedSignIn({ identity_provider: 'Corp' })
    const claims = tokens.claims()!
    expect(claims).toMatchObject({
      'cognito:username': 'Corp_alice',
      email: 'alice@corp.example',
      email_verified: true,
      name: 'Alice Corp',
      'cognito:groups': [`${world.poolId}_Corp`],
    })
    expect(claims['identities']).toEqual([
      expect.objectContaining({
        userId: 'alice',
        providerName: 'Corp',
        providerType: 'OIDC',
        issuer: null,
        primary: 'true',
      }),
    ])
    const user = await world.sdk.send(new AdminGetUserCommand({ UserPoolId: world.poolId, Username: 'Corp_alice' }))
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER')
  })

  it('a second sign-in (by identifier) updates the user rather than duplicating it', async () => {
    accounts['alice'] = { ...accounts['alice'], email: 'alice@new.example' }
    const tokens = await federatedSignIn({ idp_identifier: 'corp.example' })
    expect(tokens.claims()!['email']).toBe('alice@new.example')
    const { Users } = await world.sdk.send(
      new ListUsersCommand({ UserPoolId: world.poolId, Filter: 'username ^= "Corp_"' }),
    )
    expect(Users!.map((u) => u.Username)).toEqual(['Corp_alice'])
  })

  it('a linked identity signs in as the user it was linked to, until the link is taken away', async () => {
    const link = (source: string, provider = 'Corp') =>
      world.sdk.send(
        new AdminLinkProviderForUserCommand({
          UserPoolId: world.poolId,
          DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'jane' },
          SourceUser: {
            ProviderName: provider,
            ProviderAttributeName: 'Cognito_Subject',
            ProviderAttributeValue: source,
          },
        }),
      )
    await expect(link('alice')).rejects.toThrow(
      'Merging is not currently supported, provide a SourceUser that has not been signed up in order to link',
    )
    await expect(link('jane', 'Cognito')).rejects.toThrow(
      'Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a DestinationUser',
    )
    await link('bob')
    const jane = await world.sdk.send(new AdminGetUserCommand({ UserPoolId: world.poolId, Username: 'jane' }))
    expect(JSON.parse(jane.UserAttributes!.find((a) => a.Name === 'identities')!.Value!)).toEqual([
      expect.objectContaining({ userId: 'bob', providerName: 'Corp', providerType: 'OIDC', primary: 'false' }),
    ])
    const linked = await federatedSignIn({ identity_provider: 'Corp' }, 'bob')
    expect(linked.claims()!['cognito:username']).toBe('jane')
    await world.sdk.send(
      new AdminDisableProviderForUserCommand({
        UserPoolId: world.poolId,
        User: { ProviderName: 'Corp', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: 'bob' },
      }),
    )
    const own = await federatedSignIn({ identity_provider: 'Corp' }, 'bob')
    expect(own.claims()!['cognito:username']).toBe('Corp_bob')
  })

  it('runs PreSignUp_ExternalProvider and PostConfirmation on the first sign-in, the authentication triggers after', async () => {
    const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:record'
    await world.sdk.send(
      new UpdateUserPoolCommand({
        UserPoolId: world.poolId,
        AutoVerifiedAttributes: ['email'],
        LambdaConfig: { PreSignUp: arn, PostConfirmation: arn, PreAuthentication: arn, PostAuthentication: arn },
      }),
    )
    const sources = () => world.server.mock.invocations({ userName: 'Corp_carol' }).map((i) => i.triggerSource)
    await federatedSignIn({ identity_provider: 'Corp' }, 'carol')
    expect(sources()).toEqual(['PreSignUp_ExternalProvider', 'PostConfirmation_ConfirmSignUp'])
    await federatedSignIn({ identity_provider: 'Corp' }, 'carol')
    expect(sources().slice(2)).toEqual(['PreAuthentication_Authentication', 'PostAuthentication_Authentication'])
    // A trigger's refusal reaches the app as Cognito sends it, and no user is left behind.
    const jar = new Jar()
    const toIdp = await jar.go(corpAuthorizeUrl('s'))
    const callback = await atProvider(jar, toIdp.headers.get('location')!, 'dave')
    const refused = await jar.go(callback)
    expect(refused.headers.get('location')).toBe(
      `${CALLBACK}?error_description=PreSignUp+failed+with+error+no+dave.&state=s&error=invalid_request`,
    )
    const { Users } = await world.sdk.send(
      new ListUsersCommand({ UserPoolId: world.poolId, Filter: 'username = "Corp_dave"' }),
    )
    expect(Users).toEqual([])
  })

  it("sends the provider's refusal back to the app as invalid_request", async () => {
    const jar = new Jar()
    const toIdp = await jar.go(corpAuthorizeUrl('app-state'))
    const sent = new URL(toIdp.headers.get('location')!)
    const refused = await jar.go(
      `${world.base}/oauth2/idpresponse?${new URLSearchParams({ error: 'access_denied', error_description: 'User refused', state: sent.searchParams.get('state')! })}`,
    )
    expect(refused.headers.get('location')).toBe(
      `${CALLBACK}?error_description=User+refused&state=app-state&error=invalid_request`,
    )
  })
})
