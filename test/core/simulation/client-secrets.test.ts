import { createHmac } from 'node:crypto'
import {
  AddUserPoolClientSecretCommand,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientSecretCommand,
  DescribeUserPoolClientCommand,
  GetClientTokenCommand,
  InitiateAuthCommand,
  ListUserPoolClientSecretsCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { CognitoJwtVerifier } from 'aws-jwt-verify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HostedWorld, hostedWorld } from './hosted/support.js'

let world: HostedWorld
beforeAll(async () => {
  world = await hostedWorld()
})
afterAll(() => world.server.close())

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (e: Error) => ({ name: e.name, message: e.message }),
  )

/** A confidential client for USER_PASSWORD_AUTH, made for one test. */
async function passwordClient(): Promise<{ id: string; secret: string }> {
  const { UserPoolClient } = await world.sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: world.poolId,
      ClientName: 'confidential',
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  )
  return { id: UserPoolClient!.ClientId!, secret: UserPoolClient!.ClientSecret! }
}

/** A machine client (client_credentials, both custom scopes), made for one test. */
async function machineClient(): Promise<{ id: string; secret: string }> {
  const { UserPoolClient } = await world.sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: world.poolId,
      ClientName: 'machine',
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['api/read', 'api/write'],
    }),
  )
  return { id: UserPoolClient!.ClientId!, secret: UserPoolClient!.ClientSecret! }
}

const add = (ClientId: string, ClientSecret?: string) =>
  world.sdk.send(
    new AddUserPoolClientSecretCommand({
      UserPoolId: world.poolId,
      ClientId,
      ...(ClientSecret !== undefined && { ClientSecret }),
    }),
  )
const list = async (ClientId: string) =>
  (await world.sdk.send(new ListUserPoolClientSecretsCommand({ UserPoolId: world.poolId, ClientId }))).ClientSecrets!
const remove = (ClientId: string, ClientSecretId: string) =>
  world.sdk.send(new DeleteUserPoolClientSecretCommand({ UserPoolId: world.poolId, ClientId, ClientSecretId }))
const described = async (ClientId: string) =>
  (await world.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: world.poolId, ClientId }))).UserPoolClient!

const secretHash = (secret: string, clientId: string, username = 'jane') =>
  createHmac('sha256', secret).update(`${username}${clientId}`).digest('base64')
const signIn = (clientId: string, hash: string) =>
  world.sdk.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1', SECRET_HASH: hash },
    }),
  )
const tokenEndpoint = (id: string, secret: string, how: 'basic' | 'post', scope?: string) =>
  fetch(`${world.base}/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(how === 'basic' && { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` }),
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      ...(how === 'post' && { client_id: id, client_secret: secret }),
      ...(scope !== undefined && { scope }),
    }),
  })
async function verifier(clientId: string, scope?: string) {
  const v = CognitoJwtVerifier.create({
    userPoolId: world.poolId,
    tokenUse: 'access',
    clientId,
    ...(scope !== undefined && { scope }),
  })
  v.cacheJwks((await (await fetch(`${world.server.url}${world.poolId}/.well-known/jwks.json`)).json()) as never)
  return v
}

describe('client secret rotation', () => {
  it('lists the secret a client was created with: id <client-id>--<epoch ms>, its creation date, no value', async () => {
    const client = await passwordClient()
    const { CreationDate } = await described(client.id)
    const secrets = await list(client.id)
    expect(secrets).toEqual([
      { ClientSecretId: `${client.id}--${CreationDate!.getTime()}`, ClientSecretCreateDate: CreationDate },
    ])
  })

  it('adds a generated secret and returns its value once; the list shows both, never a value', async () => {
    const client = await passwordClient()
    const { ClientSecretDescriptor } = await add(client.id)
    expect(ClientSecretDescriptor!.ClientSecretValue).toMatch(/^[a-z0-9]{52}$/)
    expect(ClientSecretDescriptor!.ClientSecretId).toMatch(new RegExp(`^${client.id}--\\d+$`))
    expect(ClientSecretDescriptor!.ClientSecretCreateDate).toBeInstanceOf(Date)
    const secrets = await list(client.id)
    expect(secrets.map((s) => s.ClientSecretId)).toEqual([
      `${client.id}--${(await described(client.id)).CreationDate!.getTime()}`,
      ClientSecretDescriptor!.ClientSecretId,
    ])
    expect(secrets.every((s) => s.ClientSecretValue === undefined)).toBe(true)
  })

  it("takes the caller's secret without echoing it back", async () => {
    const client = await passwordClient()
    const mine = 'caller_chosen_secret_0123456789'
    const { ClientSecretDescriptor } = await add(client.id, mine)
    expect(ClientSecretDescriptor!.ClientSecretValue).toBeUndefined()
    expect((await signIn(client.id, secretHash(mine, client.id))).AuthenticationResult).toBeDefined()
  })

  it('accepts SECRET_HASH keyed by either active secret, and neither once a secret is deleted', async () => {
    const client = await passwordClient()
    const second = (await add(client.id)).ClientSecretDescriptor!
    expect((await signIn(client.id, secretHash(client.secret, client.id))).AuthenticationResult).toBeDefined()
    expect(
      (await signIn(client.id, secretHash(second.ClientSecretValue!, client.id))).AuthenticationResult,
    ).toBeDefined()
    const [first] = await list(client.id)
    await remove(client.id, first!.ClientSecretId!)
    expect(await failure(signIn(client.id, secretHash(client.secret, client.id)))).toEqual({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${client.id}`,
    })
    expect(
      (await signIn(client.id, secretHash(second.ClientSecretValue!, client.id))).AuthenticationResult,
    ).toBeDefined()
  })

  it('revokes a refresh token with either active secret, and not with a deleted one', async () => {
    const client = await passwordClient()
    const second = (await add(client.id)).ClientSecretDescriptor!
    const revoke = (token: string, ClientSecret: string) =>
      world.sdk.send(new RevokeTokenCommand({ ClientId: client.id, Token: token, ClientSecret }))
    const refresh = async () =>
      (await signIn(client.id, secretHash(second.ClientSecretValue!, client.id))).AuthenticationResult!.RefreshToken!
    await revoke(await refresh(), second.ClientSecretValue!)
    await revoke(await refresh(), client.secret)
    const [first] = await list(client.id)
    await remove(client.id, first!.ClientSecretId!)
    expect(await failure(revoke(await refresh(), client.secret))).toEqual({
      name: 'UnauthorizedException',
      message: 'Invalid client secret.',
    })
  })

  it('describes the oldest active secret as the client secret, the next one once the oldest is deleted', async () => {
    const client = await passwordClient()
    const second = (await add(client.id)).ClientSecretDescriptor!
    expect((await described(client.id)).ClientSecret).toBe(client.secret)
    await remove(client.id, (await list(client.id))[0]!.ClientSecretId!)
    expect((await described(client.id)).ClientSecret).toBe(second.ClientSecretValue)
    expect(await list(client.id)).toEqual([
      { ClientSecretId: second.ClientSecretId, ClientSecretCreateDate: second.ClientSecretCreateDate },
    ])
  })

  it('refuses a third active secret, and deleting the last one', async () => {
    const client = await passwordClient()
    await add(client.id)
    expect(await failure(add(client.id))).toEqual({
      name: 'LimitExceededException',
      message: `User pool client ${client.id} already has 2 active client secrets.`,
    })
    const [first, second] = await list(client.id)
    await remove(client.id, second!.ClientSecretId!)
    expect(await failure(remove(client.id, first!.ClientSecretId!))).toEqual({
      name: 'InvalidParameterException',
      message: `Cannot delete the last client secret of user pool client ${client.id}.`,
    })
    expect(await list(client.id)).toHaveLength(1)
  })

  it('refuses an unknown secret id, a public client, and an unknown client', async () => {
    const client = await passwordClient()
    expect(await failure(remove(client.id, `${client.id}--1`))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Client secret ${client.id}--1 does not exist.`,
    })
    const { UserPoolClient } = await world.sdk.send(
      new CreateUserPoolClientCommand({ UserPoolId: world.poolId, ClientName: 'public' }),
    )
    const publicId = UserPoolClient!.ClientId!
    expect(await failure(add(publicId))).toEqual({
      name: 'InvalidParameterException',
      message: `User pool client ${publicId} does not have a client secret.`,
    })
    expect(await list(publicId)).toEqual([])
    expect(await failure(add('nosuchclient00000000000000'))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient00000000000000 does not exist.',
    })
  })

  it('refuses a secret outside the model: shorter than 24 characters', async () => {
    const client = await passwordClient()
    expect((await failure(add(client.id, 'short'))).name).toBe('InvalidParameterException')
  })
})

describe('the token endpoint while two secrets are active', () => {
  it('authenticates the client with either secret, by HTTP Basic and in the body', async () => {
    const machine = await machineClient()
    const second = (await add(machine.id)).ClientSecretDescriptor!.ClientSecretValue!
    for (const secret of [machine.secret, second])
      for (const how of ['basic', 'post'] as const) {
        const response = await tokenEndpoint(machine.id, secret, how, 'api/read')
        expect(response.status).toBe(200)
        const body = (await response.json()) as { access_token: string }
        expect(await (await verifier(machine.id, 'api/read')).verify(body.access_token)).toMatchObject({
          client_id: machine.id,
          scope: 'api/read',
        })
      }
    expect((await tokenEndpoint(machine.id, 'not-a-secret-of-this-client', 'basic')).status).toBe(400)
  })

  it('refuses a deleted secret with invalid_client', async () => {
    const machine = await machineClient()
    await add(machine.id)
    await remove(machine.id, (await list(machine.id))[0]!.ClientSecretId!)
    const response = await tokenEndpoint(machine.id, machine.secret, 'post')
    expect([response.status, await response.json()]).toEqual([400, { error: 'invalid_client' }])
  })
})

describe('GetClientToken', () => {
  const token = (ClientId: string, Secret: string, Scopes?: string[]) =>
    world.sdk.send(new GetClientTokenCommand({ ClientId, Secret, ...(Scopes && { Scopes }) }))

  it("issues the client-credentials access token: the client's scopes when none are asked, verified by aws-jwt-verify", async () => {
    const machine = await machineClient()
    const { ClientAuthenticationResult } = await token(machine.id, machine.secret)
    expect(ClientAuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' })
    const payload = await (await verifier(machine.id)).verify(ClientAuthenticationResult!.AccessToken!)
    expect(payload).toMatchObject({ sub: machine.id, client_id: machine.id, scope: 'api/read api/write' })
    expect(Object.keys(payload).sort()).toEqual([
      'auth_time',
      'client_id',
      'exp',
      'iat',
      'iss',
      'jti',
      'scope',
      'sub',
      'token_use',
      'version',
    ])
  })

  it('grants the asked scopes, with either active secret', async () => {
    const machine = await machineClient()
    const second = (await add(machine.id)).ClientSecretDescriptor!.ClientSecretValue!
    for (const secret of [machine.secret, second]) {
      const { ClientAuthenticationResult } = await token(machine.id, secret, ['api/write'])
      const payload = await (await verifier(machine.id, 'api/write')).verify(ClientAuthenticationResult!.AccessToken!)
      expect(payload['scope']).toBe('api/write')
    }
  })

  it('refuses a wrong secret with the message Cognito gives', async () => {
    const machine = await machineClient()
    expect(await failure(token(machine.id, 'wrong_secret_wrong_secret_0001'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid client or secret',
    })
  })

  it('refuses a client without the grant, a scope the client is not allowed, an unknown client', async () => {
    const client = await passwordClient()
    expect(await failure(token(client.id, client.secret))).toEqual({
      name: 'InvalidParameterException',
      message: 'CLIENT_TOKEN_AUTH flow not enabled for this client',
    })
    const machine = await machineClient()
    expect(await failure(token(machine.id, machine.secret, ['api/delete']))).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid scope requested: api/delete',
    })
    expect(await failure(token('nosuchclient00000000000000', machine.secret))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient00000000000000 does not exist.',
    })
  })
})
