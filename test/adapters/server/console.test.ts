import { spawn } from 'node:child_process'
import { join } from 'node:path'
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'
import { ROOT } from '../../support/model.js'
import { fixtures, POOL, registerPasskey } from './console-support.js'

const servers: RunningCognitoServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
const start = async (options: Parameters<typeof startCognitoServer>[0] = {}) => {
  const server = await startCognitoServer(options)
  servers.push(server)
  return server
}
const sdk = (server: RunningCognitoServer, accessKeyId = 'a', region = 'eu-west-1') =>
  new CognitoIdentityProviderClient({
    region,
    endpoint: server.url,
    credentials: { accessKeyId, secretAccessKey: 'b' },
    maxAttempts: 1,
  })
const CONSOLE = { 'x-cognito-idp-contract': 'console' }
/** A control route's answer: status and JSON. */
async function route(server: RunningCognitoServer, path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}_cognito-idp-contract/${path}`, {
    ...init,
    headers: { ...CONSOLE, ...(init.body && { 'content-type': 'application/json' }), ...init.headers },
  })
  const text = await response.text()
  // biome-ignore lint/suspicious/noExplicitAny: JSON the test reads member by member
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any }
}
const send = (server: RunningCognitoServer, operation: string, input: unknown, extra: object = {}) =>
  route(server, 'send', { method: 'POST', body: JSON.stringify({ operation, input, ...extra }) })

/** A pool with email usernames and a client that signs in with a password. */
async function shop(server: RunningCognitoServer) {
  const { UserPool } = await sdk(server).send(
    new CreateUserPoolCommand({ PoolName: 'shop', UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] }),
  )
  const { UserPoolClient } = await sdk(server).send(
    new CreateUserPoolClientCommand({
      UserPoolId: UserPool!.Id!,
      ClientName: 'web',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  )
  return { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! }
}

describe('serve: the console page', () => {
  it('is a page whose script and style are files, under a policy without inline script, framing or sniffing', async () => {
    const server = await start()
    const page = await fetch(`${server.url}_cognito-idp-contract/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const csp = page.headers.get('content-security-policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe')
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    const html = await page.text()
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="/_cognito-idp-contract/console/app.js">'])
    expect(html).not.toMatch(/<style|\son[a-z]+=/)
    const script = await fetch(`${server.url}_cognito-idp-contract/console/app.js`)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('content-security-policy')).toBe(csp)
    new Function(await script.text()) // it parses
    expect((await fetch(`${server.url}_cognito-idp-contract/console/app.css`)).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    )
  })

  it('is where a browser asking for / is sent; other clients of / get the API as before', async () => {
    const server = await start()
    const browser = await fetch(server.url, { headers: { accept: 'text/html,*/*;q=0.8' }, redirect: 'manual' })
    expect(browser.status).toBe(302)
    expect(browser.headers.get('location')).toBe('/_cognito-idp-contract/')
    const tool = await fetch(server.url, { redirect: 'manual' })
    expect(tool.status).not.toBe(302)
  })
})

describe('serve: the console routes', () => {
  it('lists the pools of every account and region', async () => {
    const server = await start()
    await sdk(server).send(new CreateUserPoolCommand({ PoolName: 'one' }))
    await sdk(server, '111122223333', 'us-west-2').send(new CreateUserPoolCommand({ PoolName: 'two' }))
    const { status, body } = await route(server, 'pools')
    expect(status).toBe(200)
    expect(body.pools.map((p: Record<string, string>) => [p['accountId'], p['region'], p['Name']])).toEqual([
      ['123456789012', 'eu-west-1', 'one'],
      ['111122223333', 'us-west-2', 'two'],
    ])
  })

  it("gives a pool's settings: clients with their secrets masked and their hosted login, groups, the domain", async () => {
    const server = await start()
    const { poolId } = await shop(server)
    const client = await sdk(server).send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'backend',
        GenerateSecret: true,
        CallbackURLs: ['https://app.example.com/cb'],
        AllowedOAuthFlows: ['code'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: ['openid'],
        SupportedIdentityProviders: ['COGNITO'],
      }),
    )
    await sdk(server).send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'staff' }))
    await server.mock.simulation.send('CreateUserPoolDomain', { UserPoolId: poolId, Domain: 'shop-settings' })
    const { body } = await route(server, `pool?userPoolId=${poolId}`)
    const backend = body.clients.find((c: Record<string, unknown>) => c['ClientName'] === 'backend')
    expect(backend.ClientSecret).toBe('***')
    expect(JSON.stringify(body)).not.toContain(client.UserPoolClient!.ClientSecret!)
    expect(backend.hostedLogin).toBe(
      `/_domain/shop-settings.auth.eu-west-1.amazoncognito.com/login?client_id=${backend.ClientId}&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb`,
    )
    expect(body.groups.map((g: Record<string, unknown>) => g['GroupName'])).toEqual(['staff'])
    expect(body.domain.Domain).toBe('shop-settings')
    expect((await route(server, 'pool?userPoolId=eu-west-1_Missing01')).status).toBe(404)
    expect((await route(server, 'pool')).body.message).toMatch(/^the query needs userPoolId/)
  })

  it('gives a page of users with their groups, MFA, devices and last sign-in; a filter Cognito refuses gets its message', async () => {
    const server = await start()
    const { poolId, clientId } = await shop(server)
    await sdk(server).send(
      new SignUpCommand({ ClientId: clientId, Username: 'jane@example.com', Password: 'Correct-Horse-1' }),
    )
    await server.mock.simulation.send('AdminConfirmSignUp', { UserPoolId: poolId, Username: 'jane@example.com' })
    await sdk(server).send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'staff' }))
    await sdk(server).send(
      new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'jane@example.com', GroupName: 'staff' }),
    )
    await sdk(server).send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ann@example.com', MessageAction: 'SUPPRESS' }),
    )
    const { AuthenticationResult } = await sdk(server).send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'jane@example.com', PASSWORD: 'Correct-Horse-1' },
      }),
    )
    const authTime = JSON.parse(Buffer.from(AuthenticationResult!.AccessToken!.split('.')[1]!, 'base64url').toString())
      .auth_time as number
    const { body } = await route(server, `users?userPoolId=${poolId}&limit=1`)
    expect(body.users).toHaveLength(1)
    expect(body.paginationToken).toEqual(expect.any(String))
    const jane = body.users[0]
    expect(jane).toMatchObject({ UserStatus: 'CONFIRMED', groups: ['staff'], devices: 0, lastSignIn: authTime })
    expect(jane.mfa).toEqual({ enabled: [] })
    const next = await route(
      server,
      `users?userPoolId=${poolId}&limit=1&paginationToken=${encodeURIComponent(body.paginationToken)}`,
    )
    expect(next.body.users.map((u: Record<string, unknown>) => u['UserStatus'])).toEqual(['FORCE_CHANGE_PASSWORD'])
    expect(next.body.users[0].lastSignIn).toBeUndefined()
    const filtered = await route(server, `users?userPoolId=${poolId}&filter=${encodeURIComponent('email ^= "ann"')}`)
    expect(filtered.body.users).toHaveLength(1)
    expect(await route(server, `users?userPoolId=${poolId}&filter=nonsense`)).toEqual({
      status: 400,
      body: { message: 'Error while parsing filter.', type: 'InvalidParameterException' },
    })
  })

  it('says which users have a passkey', async () => {
    const server = await start({ fixtures, lambdas: { preSignUp: async (event: unknown) => event } })
    await server.mock.simulation.send('AdminCreateUser', {
      UserPoolId: POOL,
      Username: 'ann@example.com',
      TemporaryPassword: 'Correct-Horse-1',
      MessageAction: 'SUPPRESS',
    })
    await server.mock.simulation.send('AdminSetUserPassword', {
      UserPoolId: POOL,
      Username: 'ann@example.com',
      Password: 'Correct-Horse-2',
      Permanent: true,
    })
    await registerPasskey(server, 'ann@example.com', 'Correct-Horse-2')
    const { body } = await route(server, `users?userPoolId=${POOL}`)
    const byEmail = (u: { Attributes: Array<{ Name: string; Value: string }> }) =>
      u.Attributes.find((a) => a.Name === 'email')?.Value
    expect(Object.fromEntries(body.users.map((u: never) => [byEmail(u), (u as { passkey: boolean }).passkey]))).toEqual(
      {
        'joe@example.com': false,
        'ann@example.com': true,
      },
    )
  })

  it("runs an operation through the simulation, and answers Cognito's refusal with its type and message", async () => {
    const server = await start()
    const { poolId } = await shop(server)
    const created = await send(server, 'AdminCreateUser', {
      UserPoolId: poolId,
      Username: 'ann@example.com',
      MessageAction: 'SUPPRESS',
    })
    expect(created.status).toBe(200)
    expect(created.body.User.UserStatus).toBe('FORCE_CHANGE_PASSWORD')
    const refused = await send(server, 'AdminUpdateUserAttributes', {
      UserPoolId: poolId,
      Username: 'ann@example.com',
      UserAttributes: [{ Name: 'email', Value: 'not-an-email' }],
    })
    expect(refused).toEqual({
      status: 400,
      body: { type: 'InvalidParameterException', message: 'Invalid email address format.' },
    })
    expect((await send(server, 'AdminGetUser', { UserPoolId: poolId, Username: 'nobody@example.com' })).body).toEqual({
      type: 'UserNotFoundException',
      message: 'User does not exist.',
    })
    const other = await send(
      server,
      'ListUserPools',
      { MaxResults: 10 },
      { accountId: '111122223333', region: 'us-west-2' },
    )
    expect(other.body.UserPools).toEqual([])
    expect((await send(server, 'NoSuchOperation', {})).body.message).toBe(
      'NoSuchOperation is not an operation the simulation runs; see cognito-idp-contract ops',
    )
    expect((await route(server, 'send', { method: 'POST', body: '{' })).status).toBe(400)
    expect((await route(server, 'send', { method: 'POST', body: '[]' })).body.message).toMatch(/^the body must be/)
  })

  it('keeps the latest calls, newest first, filtered; a call shows its request and answer with secrets masked', async () => {
    const server = await start()
    const { clientId } = await shop(server)
    await sdk(server).send(
      new SignUpCommand({ ClientId: clientId, Username: 'jane@example.com', Password: 'Correct-Horse-1' }),
    )
    await sdk(server)
      .send(new SignUpCommand({ ClientId: clientId, Username: 'jane@example.com', Password: 'Correct-Horse-1' }))
      .catch(() => undefined)
    const { body } = await route(server, 'calls')
    expect(
      body.calls.map((c: Record<string, unknown>) => [c['operation'], c['status'], c['error'] ?? null, c['source']]),
    ).toEqual([
      ['SignUp', 400, 'UsernameExistsException', 'simulation'],
      ['SignUp', 200, null, 'simulation'],
      ['CreateUserPoolClient', 200, null, 'simulation'],
      ['CreateUserPool', 200, null, 'simulation'],
    ])
    expect((await route(server, 'calls?status=4xx')).body.calls).toHaveLength(1)
    expect((await route(server, 'calls?operation=CreateUserPool')).body.calls).toHaveLength(1)
    const refused = await route(server, `calls/${body.calls[0].id}`)
    expect(refused.body.message).toBe('An account with the given email already exists.')
    const signUp = await route(server, `calls/${body.calls[1].id}`)
    expect(signUp.body.request).toContain('"Password": "***"')
    expect(JSON.stringify(signUp.body)).not.toContain('Correct-Horse-1')
    expect(JSON.parse(signUp.body.response).UserConfirmed).toBe(false)
    expect((await route(server, 'calls/999')).status).toBe(404)
  })

  it('streams the calls and changes as server-sent events', async () => {
    const server = await start()
    const controller = new AbortController()
    const stream = await fetch(`${server.url}_cognito-idp-contract/events`, { signal: controller.signal })
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    await sdk(server).send(new CreateUserPoolCommand({ PoolName: 'live' }))
    while (!text.includes('event: change')) text += (await reader.read()).value
    controller.abort()
    expect(text).toMatch(/event: call\ndata: \{"id":1,[^\n]*"operation":"CreateUserPool","status":200/)
    expect(text).toContain('event: change\ndata: {"reasons":["CreateUserPool"]}')
  })

  it('forgets the calls kept at a reset', async () => {
    const server = await start()
    await sdk(server).send(new CreateUserPoolCommand({ PoolName: 'gone' }))
    await route(server, 'reset', { method: 'POST' })
    expect((await route(server, 'calls')).body.calls).toEqual([])
  })
})

describe('serve: the console is protected as the control routes are', () => {
  it('refuses a change sent without the control header, and any request from a page of another origin', async () => {
    const server = await start()
    const { poolId } = await shop(server)
    const body = JSON.stringify({ operation: 'DeleteUserPool', input: { UserPoolId: poolId } })
    const simple = await fetch(`${server.url}_cognito-idp-contract/send`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    })
    expect(simple.status).toBe(403)
    for (const path of ['pools', 'users?userPoolId=x', 'calls', 'events', ''])
      expect((await route(server, path, { headers: { origin: 'https://evil.example' } })).status).toBe(403)
    const pools = await route(server, 'pools')
    expect(pools.body.pools).toHaveLength(1)
  })

  it('asks every route for the token when the server has one; the page and its files hold no state and need none', async () => {
    const server = await start({ controlToken: 'console-token' })
    for (const path of ['pools', 'calls', 'events', 'send']) expect((await route(server, path)).status).toBe(401)
    expect(
      (await route(server, 'pools', { headers: { 'x-cognito-idp-contract-token': 'console-token' } })).status,
    ).toBe(200)
    for (const file of ['', 'console/app.js', 'console/app.css'])
      expect((await fetch(`${server.url}_cognito-idp-contract/${file}`)).status).toBe(200)
  })

  it("leaves the console page's reads out of the request log, and keeps its changes there", async () => {
    const lines: string[] = []
    const server = await start({ requestLog: (line) => lines.push(line) })
    await route(server, 'pools')
    await send(server, 'CreateUserPool', { PoolName: 'logged' })
    await fetch(`${server.url}_cognito-idp-contract/pools`)
    expect(lines.map((l) => l.split(' ').slice(2, 4).join(' '))).toEqual([
      'POST /_cognito-idp-contract/send',
      'GET /_cognito-idp-contract/pools',
    ])
  })
})

describe('cognito-idp-contract serve (the built package)', () => {
  it("prints the console's address, and serves the console", async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'dist/src/tooling/cli/main.js'), 'serve', '--port', '0', '--quiet'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    try {
      const banner = await new Promise<string>((resolve, reject) => {
        let text = ''
        child.stdout.on('data', (d: Buffer) => {
          text += d.toString()
          if (text.includes('  controls  ')) resolve(text)
        })
        child.once('exit', (code) => reject(new Error(`serve exited (${code}) before its banner: ${text}`)))
      })
      const url = /a local Cognito on (\S+)/.exec(banner)![1]!
      expect(banner).toContain(`  console   ${url}/_cognito-idp-contract/ (open it in a browser`)
      const script = await (await fetch(`${url}/_cognito-idp-contract/console/app.js`)).text()
      new Function(script) // the built script parses
      expect(script).toContain('function kit()')
    } finally {
      child.kill('SIGINT')
    }
  })
})
