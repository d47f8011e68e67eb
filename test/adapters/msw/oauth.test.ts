import {
  CognitoIdentityProviderClient,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { CognitoJwtVerifier } from 'aws-jwt-verify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { Browser } from '../../core/simulation/hosted/support.js'

const { server, cognito } = setupCognitoServer({
  fixtures: {
    userPools: [
      {
        Id: 'us-east-1_Backend01',
        PoolName: 'backend',
        Users: [{ username: 'jane', password: 'Correct-Horse-1', attributes: { email: 'jane@example.com' } }],
      },
    ],
  },
})
const sdk = new CognitoIdentityProviderClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1,
})
const UserPoolId = 'us-east-1_Backend01'
const DOMAIN = 'https://backend-test.auth.us-east-1.amazoncognito.com'
let machine = { id: '', secret: '' }
let web = { id: '', secret: '' }

beforeAll(async () => {
  server.listen()
  await cognito.ready
  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId, Domain: 'backend-test' }))
  await sdk.send(
    new CreateResourceServerCommand({
      UserPoolId,
      Identifier: 'orders',
      Name: 'Orders',
      Scopes: [{ ScopeName: 'read', ScopeDescription: 'read' }],
    }),
  )
  const m = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId,
      ClientName: 'machine',
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['orders/read'],
    }),
  )
  machine = { id: m.UserPoolClient!.ClientId!, secret: m.UserPoolClient!.ClientSecret! }
  const w = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId,
      ClientName: 'web',
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email'],
      CallbackURLs: ['https://app.example.com/callback'],
      SupportedIdentityProviders: ['COGNITO'],
    }),
  )
  web = { id: w.UserPoolClient!.ClientId!, secret: w.UserPoolClient!.ClientSecret! }
})
afterAll(() => server.close())

const form = (body: Record<string, string>, basic: string) =>
  fetch(`${DOMAIN}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${btoa(basic)}` },
    body: new URLSearchParams(body),
  })

describe('the domain at its real host name, through msw/node', () => {
  it('answers client_credentials for a backend, and aws-jwt-verify accepts the token', async () => {
    const response = await form(
      { grant_type: 'client_credentials', scope: 'orders/read' },
      `${machine.id}:${machine.secret}`,
    )
    expect(response.status).toBe(200)
    const { access_token, token_type, expires_in } = (await response.json()) as Record<string, string>
    expect([token_type, expires_in]).toEqual(['Bearer', 3600])
    const verifier = CognitoJwtVerifier.create({
      userPoolId: UserPoolId,
      tokenUse: 'access',
      clientId: machine.id,
      scope: 'orders/read',
    })
    expect(await verifier.verify(access_token!)).toMatchObject({ sub: machine.id, scope: 'orders/read' })
  })

  it('exchanges the code a sign-in on the hosted page returned, as a backend does', async () => {
    const params = new URLSearchParams({
      client_id: web.id,
      redirect_uri: 'https://app.example.com/callback',
      response_type: 'code',
      scope: 'openid email',
    })
    const back = await new Browser().signIn(`${DOMAIN}/oauth2/authorize?${params}`, 'jane', 'Correct-Horse-1')
    const code = new URL(back).searchParams.get('code')!
    const response = await form(
      { grant_type: 'authorization_code', code, redirect_uri: 'https://app.example.com/callback' },
      `${web.id}:${web.secret}`,
    )
    const tokens = (await response.json()) as Record<string, string>
    expect(Object.keys(tokens).sort()).toEqual([
      'access_token',
      'expires_in',
      'id_token',
      'refresh_token',
      'token_type',
    ])
    const verifier = CognitoJwtVerifier.create({ userPoolId: UserPoolId, tokenUse: 'id', clientId: web.id })
    expect(await verifier.verify(tokens['id_token']!)).toMatchObject({
      email: 'jane@example.com',
      'cognito:username': 'jane',
    })
  })

  it('serves the discovery document at the issuer, pointing at the domain', async () => {
    const document = (await (
      await fetch(`https://cognito-idp.us-east-1.amazonaws.com/${UserPoolId}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>
    expect(document['token_endpoint']).toBe(`${DOMAIN}/oauth2/token`)
    expect(document['jwks_uri']).toBe(`https://cognito-idp.us-east-1.amazonaws.com/${UserPoolId}/.well-known/jwks.json`)
  })
})
