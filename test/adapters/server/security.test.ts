import { request as httpRequest } from 'node:http'
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'

const servers: RunningCognitoServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
const start = async (options: Parameters<typeof startCognitoServer>[0] = {}) => {
  const server = await startCognitoServer(options)
  servers.push(server)
  return server
}
const clientFor = (endpoint: string, accessKeyId = 'a', region = 'us-east-1') =>
  new CognitoIdentityProviderClient({
    region,
    endpoint,
    credentials: { accessKeyId, secretAccessKey: 'b' },
    maxAttempts: 1,
  })

interface Raw {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

/** A request with headers fetch will not send (Host, a body of any size); resolves even when the server closes early. */
function raw(
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Raw> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        // The path as given, so a test can send targets a URL would read otherwise (`//host/path`).
        path,
        method: init.method ?? 'GET',
        headers: init.headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        )
      },
    )
    req.on('error', reject)
    if (init.body !== undefined) req.end(init.body)
    else req.end()
  })
}

const api = (operation: string) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
})

describe('serve: the control API belongs to this machine', () => {
  it('refuses a reset from a page of another origin, sent as a simple request, and keeps the state', async () => {
    const server = await start()
    await clientFor(server.url).send(new CreateUserPoolCommand({ PoolName: 'kept' }))
    const reset = await raw(server.url, '/_cognito-idp-contract/reset', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: '',
    })
    expect(reset.status).toBe(403)
    expect(reset.headers['access-control-allow-origin']).toBeUndefined()
    expect(server.mock.simulation.snapshot().partitions).toHaveLength(1)
  })

  it('refuses a change sent as a simple request even without an Origin (a form post), and takes it with the control header', async () => {
    const server = await start()
    const simple = await raw(server.url, '/_cognito-idp-contract/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    })
    expect(simple.status).toBe(403)
    expect(JSON.parse(simple.body).message).toContain('x-cognito-idp-contract: 1')
    const allowed = await raw(server.url, '/_cognito-idp-contract/reset', {
      method: 'POST',
      headers: { 'x-cognito-idp-contract': '1' },
    })
    expect(allowed.status).toBe(204)
  })

  it('lets no other origin read the snapshot, messages or auth events, nor preflight a PUT; a loopback page may', async () => {
    const server = await start()
    for (const path of ['snapshot', 'messages', 'auth-events']) {
      const read = await raw(server.url, `/_cognito-idp-contract/${path}`, {
        headers: { origin: 'http://evil.example' },
      })
      expect(read.status).toBe(403)
      expect(read.headers['access-control-allow-origin']).toBeUndefined()
    }
    const preflight = await raw(server.url, '/_cognito-idp-contract/snapshot', {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'PUT' },
    })
    expect(preflight.status).toBe(403)
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    const local = await raw(server.url, '/_cognito-idp-contract/snapshot', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT' },
    })
    expect(local.status).toBe(204)
    expect(local.headers['access-control-allow-origin']).toBe('http://localhost:5173')
    const read = await raw(server.url, '/_cognito-idp-contract/snapshot', {
      headers: { origin: 'http://127.0.0.1:3000' },
    })
    expect([read.status, read.headers['access-control-allow-origin']]).toEqual([200, 'http://127.0.0.1:3000'])
  })

  it('answers no Host but its own (DNS rebinding), unless allowed by name', async () => {
    const server = await start({ allowHosts: ['cognito'] })
    const port = new URL(server.url).port
    for (const host of [`evil.example:${port}`, 'a b', `rebind.attacker.test:${port}`]) {
      const control = await raw(server.url, '/_cognito-idp-contract/snapshot', { headers: { host } })
      expect(control.status).toBe(403)
      const call = await raw(server.url, '/', {
        method: 'POST',
        headers: { host, ...api('ListUserPools') },
        body: '{"MaxResults":1}',
      })
      expect(call.status).toBe(403)
      expect(JSON.parse(call.body).__type).toBe('AccessDeniedException')
    }
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `cognito:${port}`,
      'cognito-idp.eu-west-1.amazonaws.com',
    ]) {
      const call = await raw(server.url, '/', {
        method: 'POST',
        headers: { host, ...api('ListUserPools') },
        body: '{"MaxResults":1}',
      })
      expect([host, call.status]).toEqual([host, 200])
    }
  })

  it('answers no page of another site, the API and its preflight included; pages of this machine are answered', async () => {
    const server = await start()
    const body = '{"MaxResults":1}'
    const foreign = await raw(server.url, '/', {
      method: 'POST',
      headers: { origin: 'https://evil.example', ...api('ListUserPools') },
      body,
    })
    expect([foreign.status, JSON.parse(foreign.body).__type]).toEqual([403, 'AccessDeniedException'])
    const preflight = await raw(server.url, '/', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(403)
    const local = await raw(server.url, '/', {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', ...api('ListUserPools') },
      body,
    })
    expect(local.status).toBe(200)
  })

  it('takes no custom domain created through the API as a Host of its own, and no target that names another host', async () => {
    const server = await start()
    const client = clientFor(server.url)
    const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'p' }))
    await client.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: pool.UserPool!.Id!,
        Domain: 'auth.evil.test',
        CustomDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' },
      }),
    )
    const rebound = await raw(server.url, '/_cognito-idp-contract/messages', { headers: { host: 'auth.evil.test' } })
    expect(rebound.status).toBe(403)
    const other = await raw(server.url, '//x.auth.us-east-1.amazoncognito.com/login')
    expect(other.status).toBe(400)
  })

  it('bound beyond loopback, asks every control request for its token (made when none is given)', async () => {
    const server = await start({ host: '0.0.0.0' })
    expect(server.controlToken).toMatch(/^[A-Za-z0-9_-]{32}$/)
    const base = `http://127.0.0.1:${new URL(server.url).port}/`
    expect((await raw(base, '/_cognito-idp-contract/health')).status).toBe(401)
    const wrong = await raw(base, '/_cognito-idp-contract/health', {
      headers: { 'x-cognito-idp-contract-token': 'guess' },
    })
    expect(wrong.status).toBe(401)
    const right = await raw(base, '/_cognito-idp-contract/health', {
      headers: { authorization: `Bearer ${server.controlToken}` },
    })
    expect(right.status).toBe(200)
    const another = await start({ host: '0.0.0.0' })
    expect(another.controlToken).not.toBe(server.controlToken)
  })
})

describe('serve: bad input gets an answer, never a crash or a 500', () => {
  it('refuses a body over the limit before reading it, and keeps answering', async () => {
    const server = await start({ maxRequestBytes: 64 * 1024 })
    const stated = await raw(server.url, '/', {
      method: 'POST',
      headers: { ...api('CreateUserPool'), 'content-length': String(10 * 1024 * 1024) },
    }).catch(() => undefined)
    if (stated) expect(stated.status).toBe(413)
    const big = `{"PoolName":"p","Junk":"${'x'.repeat(100 * 1024)}"}`
    const streamed = await raw(server.url, '/', { method: 'POST', headers: api('CreateUserPool'), body: big })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body).__type).toBe('RequestEntityTooLargeException')
    const fine = await clientFor(server.url).send(new CreateUserPoolCommand({ PoolName: 'after' }))
    expect(fine.UserPool?.Name).toBe('after')
  })

  it('answers 3,000 levels of nesting with a SerializationException', async () => {
    const server = await start()
    const body = `{"PoolName":"p","Junk":${'['.repeat(3000)}${']'.repeat(3000)}}`
    const answer = await raw(server.url, '/', { method: 'POST', headers: api('CreateUserPool'), body })
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body).__type).toBe('SerializationException')
  })

  it('never stores, echoes or snapshots members the operation does not model', async () => {
    const server = await start()
    const created = await raw(server.url, '/', {
      method: 'POST',
      headers: api('CreateUserPool'),
      body: JSON.stringify({
        PoolName: 'p',
        Foo: 'bar',
        Policies: { PasswordPolicy: { MinimumLength: 9, Junk: 'x' } },
      }),
    })
    expect(created.status).toBe(200)
    const id = JSON.parse(created.body).UserPool.Id as string
    const described = await clientFor(server.url).send(new DescribeUserPoolCommand({ UserPoolId: id }))
    expect(JSON.stringify(described)).not.toContain('Foo')
    expect(JSON.stringify(server.mock.simulation.snapshot())).not.toMatch(/Foo|Junk/)
    expect(JSON.stringify(server.mock.calls().map((c) => c.input))).not.toMatch(/Foo|Junk/)
  })
})

describe('serve: secrets', () => {
  it('two servers given the same calls give the same ids and different secrets; reproducible ones when asked', async () => {
    const run = async (reproducibleSecrets: boolean) => {
      const server = await start({ seed: 7, reproducibleSecrets })
      const client = clientFor(server.url)
      const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'p' }))
      const app = await client.send(
        new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id!, ClientName: 'c', GenerateSecret: true }),
      )
      return { pool: pool.UserPool!.Id, client: app.UserPoolClient!.ClientId, secret: app.UserPoolClient!.ClientSecret }
    }
    const [a, b] = [await run(false), await run(false)]
    expect([a.pool, a.client]).toEqual([b.pool, b.client])
    expect(a.secret).not.toBe(b.secret)
    const [c, d] = [await run(true), await run(true)]
    expect(c).toEqual(d)
  })

  it('keeps no password in clear: not in the snapshot, nor in the simulation', async () => {
    const server = await start({
      fixtures: { userPools: [{ PoolName: 'p', Users: [{ username: 'jane', password: 'Correct-Horse-Battery-1' }] }] },
    })
    await server.mock.ready
    expect(JSON.stringify(server.mock.simulation.snapshot())).not.toContain('Correct-Horse-Battery-1')
  })
})

describe('serve: domains', () => {
  it('refuses a prefix another account holds in the region, as Cognito does; another region may use it', async () => {
    const server = await start()
    const domain = async (account: string, region: string) => {
      const client = clientFor(server.url, account, region)
      const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'p' }))
      return client.send(new CreateUserPoolDomainCommand({ UserPoolId: pool.UserPool!.Id!, Domain: 'shared' }))
    }
    await domain('111111111111', 'us-east-1')
    await expect(domain('222222222222', 'us-east-1')).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Domain already associated with another user pool.',
    })
    await expect(domain('222222222222', 'eu-west-1')).resolves.toBeDefined()
    // The local path names the region where two regions hold the prefix.
    const [east, west] = await Promise.all(
      ['us-east-1', 'eu-west-1'].map((region) =>
        raw(server.url, `/_domain/shared.auth.${region}.amazoncognito.com/oauth2/authorize?client_id=none`),
      ),
    )
    // Each lands on its own domain's error page (an unknown client), so each reached a pool.
    expect([east!.status, west!.status]).toEqual([302, 302])
    expect(west!.headers['location']).toContain(
      '/_domain/shared.auth.eu-west-1.amazoncognito.com/error?error=invalid_request',
    )
    const missing = await raw(server.url, '/_domain/shared.auth.ap-south-1.amazoncognito.com/oauth2/authorize')
    expect(missing.status).toBe(404)
  })
})
