import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { CONTROL_PATH, type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'

const clientFor = (endpoint: string, region = 'us-west-2') =>
  new CognitoIdentityProviderClient({
    region,
    endpoint,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  })

const fixtures = {
  userPools: [
    {
      Id: 'us-west-2_Fixture01',
      PoolName: 'fixture',
      AutoVerifiedAttributes: ['email' as const],
      Clients: [
        {
          ClientName: 'web',
          ClientId: 'fixtureclient0000000000001',
          ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH' as const],
        },
      ],
      Users: [{ username: 'jane', password: 'Passw0rd!', attributes: { email: 'jane@example.com' } }],
    },
  ],
}

let server: RunningCognitoServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A control request as this machine's own tools send it: with the control header. */
const control = (path: string, init?: RequestInit) =>
  fetch(new URL(`${CONTROL_PATH.slice(1)}${path}`, server!.url), {
    ...init,
    headers: { 'x-cognito-idp-contract': '1', ...(init?.headers as Record<string, string> | undefined) },
  })

describe('the control endpoints', () => {
  it('health names the mode, region and how many operations are simulated', async () => {
    server = await startCognitoServer()
    const response = await control('health')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ok', mode: 'auto', region: 'us-east-1', data: null })
  })

  it('reset empties the simulation and loads the fixtures again', async () => {
    server = await startCognitoServer({ fixtures })
    const client = clientFor(server.url)
    await client.send(new CreateUserPoolCommand({ PoolName: 'made-in-the-test' }))
    expect((await client.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools).toHaveLength(2)
    expect((await control('reset', { method: 'POST' })).status).toBe(204)
    const pools = (await client.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools!
    expect(pools.map((p) => p.Id)).toEqual(['us-west-2_Fixture01'])
    const users = await client.send(new ListUsersCommand({ UserPoolId: 'us-west-2_Fixture01' }))
    expect(users.Users!.map((u) => u.Username)).toEqual(['jane'])
  })

  it('a snapshot downloaded and uploaded brings the state back', async () => {
    server = await startCognitoServer({ fixtures })
    const client = clientFor(server.url)
    const snapshot = await (await control('snapshot')).text()
    await client.send(new CreateUserPoolCommand({ PoolName: 'later' }))
    const put = await control('snapshot', { method: 'PUT', body: snapshot })
    expect(put.status).toBe(204)
    expect(await (await control('snapshot')).text()).toBe(snapshot)
    expect((await client.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools).toHaveLength(1)
  })

  it('fixtures posted create pools and users the SDK then finds', async () => {
    server = await startCognitoServer()
    const response = await control('fixtures', { method: 'POST', body: JSON.stringify(fixtures) })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ userPools: [{ Id: 'us-west-2_Fixture01', Name: 'fixture' }] })
    const users = await clientFor(server.url).send(new ListUsersCommand({ UserPoolId: 'us-west-2_Fixture01' }))
    expect(users.Users![0]!.UserStatus).toBe('CONFIRMED')
  })

  it('messages lists the codes sent, filtered by the query', async () => {
    server = await startCognitoServer({ fixtures })
    await clientFor(server.url).send(
      new SignUpCommand({
        ClientId: 'fixtureclient0000000000001',
        Username: 'joe',
        Password: 'Passw0rd!',
        UserAttributes: [{ Name: 'email', Value: 'joe@example.com' }],
      }),
    )
    const all = (await (await control('messages')).json()) as Array<{ username: string; code?: string }>
    expect(all).toHaveLength(1)
    expect(all[0]!.code).toMatch(/^\d{6}$/)
    expect(await (await control('messages?username=jane')).json()).toEqual([])
  })

  it('answers a route it lacks with 404 and the list of routes, and a body that is not JSON with 400', async () => {
    server = await startCognitoServer()
    const missing = await control('nothing-here')
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { routes: string[] }).routes).toContain('POST /_cognito-idp-contract/reset')
    const bad = await control('fixtures', { method: 'POST', body: '{' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/^the body is not JSON/)
  })

  it('a fixture Cognito would refuse is refused with its message and changes nothing', async () => {
    server = await startCognitoServer()
    const response = await control('fixtures', {
      method: 'POST',
      body: JSON.stringify({ userPools: [{ PoolName: '' }] }),
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { message: string }).message).toMatch(/^fixture: /)
    expect(await (await control('snapshot')).json()).toMatchObject({ partitions: [] })
  })
})

describe('browsers and logs', () => {
  it('answers a preflight as AWS does and exposes the error headers', async () => {
    server = await startCognitoServer()
    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent',
      },
    })
    expect(preflight.status).toBe(200)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,x-amz-target,x-amz-user-agent')
    expect(preflight.headers.get('access-control-max-age')).toBe('172800')
    const failed = await fetch(server.url, {
      method: 'POST',
      headers: {
        origin: 'http://localhost:5173',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.DescribeUserPool',
      },
      body: JSON.stringify({ UserPoolId: 'us-east-1_Missing1' }),
    })
    expect(failed.status).toBe(400)
    expect(failed.headers.get('access-control-allow-origin')).toBe('*')
    expect(failed.headers.get('access-control-expose-headers')).toMatch(/x-amzn-ErrorType/)
    expect(failed.headers.get('x-amzn-errortype')).toMatch(/^ResourceNotFoundException/)
    expect(failed.headers.get('x-cognito-idp-contract-source')).toBe('simulation')
  })

  it('writes one line per request: time, region, operation, status, error type, source, milliseconds', async () => {
    const lines: string[] = []
    server = await startCognitoServer({ requestLog: (line) => lines.push(line) })
    const client = clientFor(server.url, 'eu-west-1')
    await client.send(new CreateUserPoolCommand({ PoolName: 'logged' }))
    await client.send(new ListUsersCommand({ UserPoolId: 'eu-west-1_Missing1' })).catch(() => undefined)
    await control('health')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z eu-west-1 CreateUserPool 200 simulation \d+(\.\d)?ms$/)
    expect(lines[1]).toMatch(/ eu-west-1 ListUsers 400 ResourceNotFoundException simulation /)
    expect(lines[2]).toMatch(/ - GET \/_cognito-idp-contract\/health 200 control /)
    expect(lines.join('\n')).not.toMatch(/logged/)
  })

  it('writes JSON lines for machines', async () => {
    const lines: string[] = []
    server = await startCognitoServer({ requestLog: (line) => lines.push(line), requestLogFormat: 'json' })
    await clientFor(server.url).send(new ListUserPoolsCommand({ MaxResults: 1 }))
    expect(JSON.parse(lines[0]!)).toMatchObject({
      region: 'us-west-2',
      operation: 'ListUserPools',
      status: 200,
      source: 'simulation',
    })
  })
})
