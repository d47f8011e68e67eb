import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { STRICT } from '../../support/msw.js'
import '../../../src/adapters/testing/vitest.js'
import { cognitoHandlers } from '../../../src/adapters/msw/index.js'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { exceptionClass, sdkClient, send } from '../../support/sdk.js'

const lines: string[] = []
const { server, cognito } = setupCognitoServer({
  seed: 3,
  log: (line) => lines.push(line),
  exclude: ['AdminDeleteUser'],
  endpoints: ['http://localhost:9229/'],
})
const client = sdkClient()

beforeAll(() => server.listen(STRICT))
afterEach(() => {
  cognito.reset()
  lines.length = 0
})
afterAll(() => server.close())

describe('responses, per operation', () => {
  it('serves the simulation where it implements an operation and generated data elsewhere', async () => {
    const { UserPool } = (await send(client, 'CreateUserPool', { PoolName: 'app' })) as { UserPool: { Id: string } }
    expect((await cognito.simulation.send('DescribeUserPool', { UserPoolId: UserPool.Id })).UserPool?.Name).toBe('app')
    const risk = await send(client, 'DescribeRiskConfiguration', { UserPoolId: UserPool.Id })
    expect((risk['RiskConfiguration'] as { UserPoolId: string }).UserPoolId).toBe(UserPool.Id)
  })

  it('takes a static override, and refuses an invalid one where it is written, naming member and constraint', async () => {
    cognito.respond('DescribeUserPool', { UserPool: { Id: 'us-east-1_Static123', Name: 'fixture' } })
    expect((await send(client, 'DescribeUserPool', { UserPoolId: 'us-east-1_Other1' }))['UserPool']).toMatchObject({
      Id: 'us-east-1_Static123',
      Name: 'fixture',
    })
    expect(() => cognito.respond('DescribeUserPool', { UserPool: { Id: 'no underscore' } })).toThrow(
      "the DescribeUserPool response override is not valid: 1 validation error detected: Value 'no underscore' at 'userPool.id' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
    )
    expect(() =>
      cognitoHandlers({ operations: { ListUserPools: { response: { UserPools: [{ Name: '' }] } } } }),
    ).toThrow(
      /Value '' at 'userPools\.1\.member\.name' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    )
  })

  it('takes a function of the validated input, and an invalid result fails the call with the reason', async () => {
    cognito.respond('DescribeIdentityProvider', (input) => ({
      IdentityProvider: { UserPoolId: input.UserPoolId, ProviderName: input.ProviderName, ProviderType: 'SAML' },
    }))
    const out = await send(client, 'DescribeIdentityProvider', { UserPoolId: 'us-east-1_AbC123', ProviderName: 'Corp' })
    expect(out['IdentityProvider']).toEqual({
      UserPoolId: 'us-east-1_AbC123',
      ProviderName: 'Corp',
      ProviderType: 'SAML',
    })
    cognito.respond('DescribeIdentityProvider', () => ({ IdentityProvider: { ProviderType: 'OpenID' as never } }))
    const error = await send(client, 'DescribeIdentityProvider', {
      UserPoolId: 'us-east-1_AbC123',
      ProviderName: 'Corp',
    }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(exceptionClass('InternalErrorException')!)
    expect((error as Error).message).toMatch(
      /Value 'OpenID' at 'identityProvider\.providerType' failed to satisfy constraint: Member must satisfy enum value set/,
    )
  })

  it("fails once, then answers normally (MSW's once)", async () => {
    cognito.fail('ListUserPools', { type: 'TooManyRequestsException', message: 'Rate exceeded' }, { once: true })
    await expect(send(client, 'ListUserPools', { MaxResults: 10 })).rejects.toBeInstanceOf(
      exceptionClass('TooManyRequestsException')!,
    )
    await expect(send(client, 'ListUserPools', { MaxResults: 10 })).resolves.toMatchObject({ UserPools: [] })
  })

  it('fails the call to an excluded operation with a clear message, and records it as unhandled', async () => {
    const error = await send(client, 'AdminDeleteUser', { UserPoolId: 'us-east-1_AbC123', Username: 'jane' }).catch(
      (e: Error) => e,
    )
    expect((error as Error).message).toBe(
      'cognito-idp-contract: AdminDeleteUser is excluded from these handlers (the include/exclude options), so the call was not answered.',
    )
    expect(cognito.unhandled().map((c) => c.operation)).toEqual(['AdminDeleteUser'])
  })
})

describe('recording', () => {
  it('records every call with its input and output, and the matchers read them', async () => {
    await send(client, 'CreateUserPool', { PoolName: 'one' })
    await send(client, 'ListUserPools', { MaxResults: 5 })
    expect(cognito.calls().map((c) => c.operation)).toEqual(['CreateUserPool', 'ListUserPools'])
    expect(cognito.calls('ListUserPools')[0]).toMatchObject({
      input: { MaxResults: 5 },
      output: { UserPools: [{ Name: 'one' }] },
    })
    expect(cognito).toHaveReceivedCognito('CreateUserPool', { PoolName: 'one' })
    expect(cognito).not.toHaveReceivedCognito('CreateUserPool', { PoolName: 'two' })
    expect(cognito).toHaveReceivedCognitoTimes('ListUserPools', 1)
    expect(() => expect(cognito).toHaveReceivedCognito('DeleteUserPool')).toThrow(
      /expected a DeleteUserPool call; Cognito received:\n {2}CreateUserPool/,
    )
  })

  it('never writes sensitive values to the log', async () => {
    await send(client, 'AdminSetUserPassword', {
      UserPoolId: 'us-east-1_AbC123',
      Username: 'jane',
      Password: 'hunter2-Secret!',
      Permanent: true,
    }).catch(() => undefined)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('AdminSetUserPassword')
    expect(lines[0]).not.toContain('hunter2')
    expect(lines[0]).not.toContain('"jane"')
    expect(lines[0]).toContain('"Password":"***"')
  })
})

describe('endpoints', () => {
  it('answers FIPS and dual-stack endpoints and the ones the caller names', async () => {
    const urls = [
      'https://cognito-idp-fips.us-west-2.amazonaws.com/',
      'https://cognito-idp.eu-west-1.api.aws/',
      'http://localhost:9229/',
    ]
    for (const url of urls) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools',
        },
        body: '{"MaxResults":1}',
      })
      expect(response.status, url).toBe(200)
      expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('states the length of each answer in bytes, so MSW hands it on whole', async () => {
    const response = await fetch('https://cognito-idp.us-east-1.amazonaws.com/', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserPool',
      },
      body: JSON.stringify({ PoolName: 'café 中文' }),
    })
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(new TextDecoder().decode(bytes)).toContain('café 中文')
    expect(response.headers.get('content-length')).toBe(String(bytes.byteLength))
  })
})

describe('faults and timing', () => {
  it('throttles and fails a seeded share of calls', async () => {
    const local = setupCognitoServer({ seed: 9, faults: { throttle: 0.3, internal: 0.2 } })
    server.close()
    local.server.listen(STRICT)
    try {
      const outcomes: string[] = []
      for (let i = 0; i < 200; i++) {
        outcomes.push(
          await send(client, 'ListUserPools', { MaxResults: 1 }).then(
            () => 'ok',
            (e: Error) => e.name,
          ),
        )
      }
      const count = (name: string) => outcomes.filter((o) => o === name).length
      expect(count('TooManyRequestsException')).toBeGreaterThan(40)
      expect(count('InternalErrorException')).toBeGreaterThan(20)
      expect(count('ok')).toBeGreaterThan(60)
    } finally {
      local.server.close()
      server.listen(STRICT)
    }
  })

  it('delays responses by the latency asked for', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    try {
      const local = cognitoHandlers({ latency: 250 })
      let settled = false
      const pending = local
        .handle({
          method: 'POST',
          url: 'https://cognito-idp.us-east-1.amazonaws.com/',
          headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools' },
          body: '{"MaxResults":1}',
        })
        .then(() => (settled = true))
      await vi.advanceTimersByTimeAsync(249)
      expect(settled).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      await pending
      expect(settled).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('reset', () => {
  it('restores a configured once-behaviour that was used up', async () => {
    const local = cognitoHandlers({
      operations: { ListUserPools: { error: { type: 'TooManyRequestsException', message: 'slow down' }, once: true } },
    })
    const call = () =>
      local.handle({
        method: 'POST',
        url: 'https://cognito-idp.us-east-1.amazonaws.com/',
        headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools' },
        body: '{"MaxResults":1}',
      })
    expect((await call()).status).toBe(400)
    expect((await call()).status).toBe(200)
    local.reset()
    expect((await call()).status).toBe(400)
  })
})
