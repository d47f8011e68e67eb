import {
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { OperationName } from '../../../schemas/operations.js'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { cognitoRequestHandler } from '../../../src/adapters/sdk/index.js'
import { startCognitoServer } from '../../../src/adapters/server/index.js'
import { createCognito } from '../../../src/core/simulation/index.js'
import { STRICT } from '../../support/msw.js'
import { sdkClient, send } from '../../support/sdk.js'

const POOL = 'us-east-1_Limits001'
const OTHER = 'us-east-1_Limits002'
const CLIENT = 'limitsclient00000000000001'
const fixtures = {
  userPools: [
    {
      PoolName: 'limits',
      Id: POOL,
      Clients: [{ ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH' as const] }],
      Users: [{ username: 'jane', password: 'Correct-Horse-1' }],
    },
    { PoolName: 'other', Id: OTHER, Clients: [{ ClientName: 'web', ClientId: 'limitsclient00000000000002' }] },
  ],
}

// A simulation that enforces the rates, behind MSW, with a clock the tests move (no timed assertions).
let now = Date.UTC(2026, 10, 28, 12, 0, 0)
const simulation = createCognito({ clock: () => now, rateLimits: true })
const { server, cognito } = setupCognitoServer({ mode: 'simulation', simulation, fixtures })
beforeAll(async () => {
  server.listen(STRICT)
  await cognito.ready
})
afterAll(() => server.close())
afterEach(async () => {
  now += 5_000
  cognito.reset()
  await cognito.ready
})

const sdk = sdkClient()
const call = (operation: OperationName, input: unknown, client = sdk) => send(client, operation, input)
const failure = (operation: OperationName, input: unknown, client = sdk) =>
  send(client, operation, input).then(
    () => undefined,
    (e: Error) => ({
      name: e.name,
      message: e.message,
      status: (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode,
    }),
  )
const definition = (Category: string) => ({ LimitClass: 'API_CATEGORY', Attributes: { Category } })
/**
 * Sends the same call n times at the current instant, and returns how many were admitted (answered, or refused for
 * anything but the rate) before the first TooManyRequestsException.
 */
async function admitted(n: number, operation: OperationName, input: unknown): Promise<number> {
  for (let i = 0; i < n; i++) {
    const refused = await failure(operation, input)
    if (refused?.name === 'TooManyRequestsException') {
      expect(refused).toEqual({ name: 'TooManyRequestsException', message: 'Rate exceeded', status: 400 })
      return i
    }
  }
  return n
}

describe('provisioned limits', () => {
  it('answers the default rate of a category as both provisioned and free', async () => {
    expect(await call('GetProvisionedLimit', { LimitDefinition: definition('UserAuthentication') })).toMatchObject({
      Limit: { LimitDefinition: definition('UserAuthentication'), ProvisionedLimitValue: 120, FreeLimitValue: 120 },
    })
    now += 1_000
    expect(await call('GetProvisionedLimit', { LimitDefinition: definition('UserUpdate') })).toMatchObject({
      Limit: { ProvisionedLimitValue: 25, FreeLimitValue: 25 },
    })
  })

  it('raises an adjustable category, for the account in that region only', async () => {
    expect(
      await call('UpdateProvisionedLimit', {
        LimitDefinition: definition('UserAuthentication'),
        RequestedLimitValue: 300,
      }),
    ).toMatchObject({ Limit: { ProvisionedLimitValue: 300, FreeLimitValue: 120 } })
    now += 1_000
    expect(await call('GetProvisionedLimit', { LimitDefinition: definition('UserAuthentication') })).toMatchObject({
      Limit: { ProvisionedLimitValue: 300 },
    })
    expect(
      await call('GetProvisionedLimit', { LimitDefinition: definition('UserAuthentication') }, sdkClient('eu-west-1')),
    ).toMatchObject({ Limit: { ProvisionedLimitValue: 120 } })
  })

  it('refuses a category that is not adjustable, a value below the default, one beyond the maximum', async () => {
    const update = (Category: string, RequestedLimitValue: number) => {
      now += 1_000
      return failure('UpdateProvisionedLimit', { LimitDefinition: definition(Category), RequestedLimitValue })
    }
    expect(await update('UserUpdate', 50)).toMatchObject({
      name: 'InvalidParameterException',
      message: 'The UserUpdate category is not adjustable.',
    })
    expect(await update('UserRead', 100)).toMatchObject({
      name: 'InvalidParameterException',
      message: 'The requested limit 100 is below the default limit 120.',
    })
    expect(await update('UserRead', 1_201)).toMatchObject({
      name: 'ServiceQuotaExceededException',
      message: 'The requested limit 1201 exceeds the account-level maximum limit 1200 for UserRead.',
    })
  })

  it('refuses an unknown or missing category', async () => {
    expect(await failure('GetProvisionedLimit', { LimitDefinition: definition('UserTeleport') })).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Unknown API category: UserTeleport.',
    })
    now += 1_000
    expect(
      await failure('GetProvisionedLimit', { LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: {} } }),
    ).toMatchObject({ name: 'InvalidParameterException', message: 'The limit definition must name a Category.' })
  })

  it('refuses to provision UserAuthentication while a pool uses managed login', async () => {
    await call('CreateUserPoolDomain', { UserPoolId: POOL, Domain: 'limits-login', ManagedLoginVersion: 2 })
    expect(
      await failure('UpdateProvisionedLimit', {
        LimitDefinition: definition('UserAuthentication'),
        RequestedLimitValue: 200,
      }),
    ).toMatchObject({ name: 'InvalidParameterException' })
    now += 1_000
    expect(
      await call('UpdateProvisionedLimit', { LimitDefinition: definition('UserRead'), RequestedLimitValue: 200 }),
    ).toMatchObject({ Limit: { ProvisionedLimitValue: 200 } })
  })
})

describe('rate limits, when asked for', () => {
  it("refuses calls past the category's rate within the second, with Cognito's message", async () => {
    expect(await admitted(20, 'DescribeUserPool', { UserPoolId: POOL })).toBe(15)
  })

  it('admits calls again as the second slides on', async () => {
    expect(await admitted(10, 'DescribeUserPool', { UserPoolId: POOL })).toBe(10)
    now += 500
    expect(await admitted(10, 'DescribeUserPool', { UserPoolId: POOL })).toBe(5)
    now += 500
    expect(await admitted(20, 'DescribeUserPool', { UserPoolId: POOL })).toBe(10)
  })

  it('counts every operation of a category together, across pools', async () => {
    expect(await admitted(8, 'DescribeUserPool', { UserPoolId: POOL })).toBe(8)
    expect(await admitted(8, 'ListUserPools', { MaxResults: 10 })).toBe(7)
    expect(await admitted(1, 'DescribeUserPool', { UserPoolId: OTHER })).toBe(0)
    expect(await admitted(1, 'ListGroups', { UserPoolId: POOL })).toBe(1)
  })

  it('holds each operation of the per-pool categories to 5 a second per pool', async () => {
    expect(await admitted(6, 'DescribeUserPoolClient', { UserPoolId: POOL, ClientId: CLIENT })).toBe(5)
    expect(await admitted(1, 'ListUserPoolClients', { UserPoolId: POOL, MaxResults: 10 })).toBe(1)
    expect(
      await admitted(1, 'DescribeUserPoolClient', { UserPoolId: OTHER, ClientId: 'limitsclient00000000000002' }),
    ).toBe(1)
  })

  it('enforces the provisioned rate from the next call', async () => {
    await call('UpdateProvisionedLimit', { LimitDefinition: definition('UserRead'), RequestedLimitValue: 130 })
    expect(await admitted(140, 'AdminGetUser', { UserPoolId: POOL, Username: 'jane' })).toBe(130)
  })

  it('limits the provisioning operations themselves to 1 a second', async () => {
    expect(await admitted(2, 'GetProvisionedLimit', { LimitDefinition: definition('UserRead') })).toBe(1)
  })

  it('gives challenge answers their own allowance of three times UserAuthentication, the excess counted toward it', async () => {
    const answer = {
      ClientId: CLIENT,
      ChallengeName: 'SMS_MFA' as const,
      Session: 'x'.repeat(20),
      ChallengeResponses: {},
    }
    let refusedAt = -1
    for (let i = 0; i < 3 * 120 + 121 && refusedAt < 0; i++) {
      const error = await simulation.send('RespondToAuthChallenge', answer).then(
        () => undefined,
        (e: Error) => e.name,
      )
      if (error === 'TooManyRequestsException') refusedAt = i
    }
    expect(refusedAt).toBe(3 * 120 + 120)
    expect(
      await admitted(1, 'InitiateAuth', { ClientId: CLIENT, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: {} }),
    ).toBe(0)
  })

  it('counts a new-password answer toward UserAccountRecovery', async () => {
    const answer = {
      ClientId: CLIENT,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 'x'.repeat(20),
      ChallengeResponses: {},
    }
    expect(await admitted(31, 'RespondToAuthChallenge', answer)).toBe(30)
    expect(await admitted(1, 'ForgotPassword', { ClientId: CLIENT, Username: 'jane' })).toBe(0)
  })
})

describe('rate limits, left off', () => {
  it('are not enforced by default', async () => {
    const free = createCognito({ clock: () => now })
    const [pool] = await free.seed({ userPools: [{ PoolName: 'free' }] })
    for (let i = 0; i < 20; i++) await free.send('DescribeUserPool', { UserPoolId: pool!.Id! })
  })

  it('are turned on by the mock option, under a test clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(now)
    try {
      const handler = cognitoRequestHandler({
        rateLimits: true,
        fixtures: { userPools: [{ PoolName: 'p', Id: POOL }] },
      })
      const client = new CognitoIdentityProviderClient({
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
        maxAttempts: 1,
        requestHandler: handler as never,
      })
      for (let i = 0; i < 15; i++) await client.send(new DescribeUserPoolCommand({ UserPoolId: POOL }))
      await expect(client.send(new DescribeUserPoolCommand({ UserPoolId: POOL }))).rejects.toBeInstanceOf(
        TooManyRequestsException,
      )
    } finally {
      vi.useRealTimers()
    }
  })

  it('are turned on by the server option (serve --rate-limits), under a test clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(now)
    const running = await startCognitoServer({
      rateLimits: true,
      fixtures: { userPools: [{ PoolName: 'p', Id: POOL }] },
    })
    try {
      const client = new CognitoIdentityProviderClient({
        endpoint: running.url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
        maxAttempts: 1,
      })
      for (let i = 0; i < 15; i++) await client.send(new DescribeUserPoolCommand({ UserPoolId: POOL }))
      await expect(client.send(new DescribeUserPoolCommand({ UserPoolId: POOL }))).rejects.toMatchObject({
        name: 'TooManyRequestsException',
        message: 'Rate exceeded',
      })
    } finally {
      await running.close()
      vi.useRealTimers()
    }
  })
})
