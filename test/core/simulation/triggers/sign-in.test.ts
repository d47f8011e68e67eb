import type {
  PostAuthenticationTriggerHandler,
  PreAuthenticationTriggerHandler,
  PreTokenGenerationTriggerHandler,
  PreTokenGenerationV2TriggerHandler,
  UserMigrationTriggerHandler,
} from 'aws-lambda'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeJwt as decode } from '../../../../src/core/shared/jwt.js'
import { world } from '../../../support/world.js'

const decodeJwt = (token: string) => decode(token)!.payload as Record<string, unknown>

const POOL = 'us-east-1_SignInTrg'
const V2_POOL = 'us-east-1_TokenV2xx'
const CLIENT = 'signintrigger0000000000000'
const V2_CLIENT = 'signintriggerv200000000000'
const arn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`
const FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'] as const

const behaviour = {
  pre: (async (event) => event) as PreAuthenticationTriggerHandler,
  post: (async (event) => event) as PostAuthenticationTriggerHandler,
  token: (async (event) => event) as PreTokenGenerationTriggerHandler,
  tokenV2: (async (event) => event) as PreTokenGenerationV2TriggerHandler,
  migrate: (async () => {
    throw new Error('Bad password')
  }) as UserMigrationTriggerHandler,
}
const defaults = { ...behaviour }
const relay =
  <K extends keyof typeof behaviour>(key: K) =>
  (event: unknown, context: unknown, callback: unknown) =>
    (behaviour[key] as (...args: unknown[]) => unknown)(event, context, callback)

const w = world(
  {
    userPools: [
      {
        PoolName: 'sign-in-triggers',
        Id: POOL,
        LambdaConfig: {
          PreAuthentication: arn('pre'),
          PostAuthentication: arn('post'),
          PreTokenGeneration: arn('token'),
          UserMigration: arn('migrate'),
        },
        Clients: [{ ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: [...FLOWS] }],
        Groups: [{ GroupName: 'admins' }],
        Users: [
          {
            username: 'jane',
            password: 'Correct-Horse-1',
            attributes: { email: 'jane@example.com', email_verified: 'true' },
            groups: ['admins'],
          },
        ],
      },
      {
        PoolName: 'tokens-v2',
        Id: V2_POOL,
        LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: arn('tokenV2') } },
        Clients: [{ ClientName: 'web', ClientId: V2_CLIENT, ExplicitAuthFlows: [...FLOWS] }],
        Users: [{ username: 'jane', password: 'Correct-Horse-1', attributes: { email: 'jane@example.com' } }],
      },
    ],
  },
  1,
  {
    lambdas: {
      pre: relay('pre'),
      post: relay('post'),
      token: relay('token'),
      tokenV2: relay('tokenV2'),
      migrate: relay('migrate'),
    },
  },
)
afterEach(async () => {
  Object.assign(behaviour, defaults)
  await w.reset()
})

const signIn = (
  USERNAME = 'jane',
  PASSWORD = 'Correct-Horse-1',
  ClientId = CLIENT,
  ClientMetadata?: Record<string, string>,
) =>
  w.call('InitiateAuth', {
    ClientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME, PASSWORD },
    ...(ClientMetadata && { ClientMetadata }),
  })
const tokens = (result: Record<string, unknown>) => result['AuthenticationResult'] as Record<string, string>

describe('PreAuthentication, PreTokenGeneration and PostAuthentication', () => {
  it('fire in that order on a sign-in, with the ClientMetadata as validationData for PreAuthentication', async () => {
    await signIn('jane', 'Correct-Horse-1', CLIENT, { device: 'kiosk' })
    const seen = w.simulation.invocations()
    expect(seen.map((i) => i.triggerSource)).toEqual([
      'PreAuthentication_Authentication',
      'TokenGeneration_Authentication',
      'PostAuthentication_Authentication',
    ])
    expect(seen[0]!.event['request']).toEqual({
      userAttributes: expect.objectContaining({ email: 'jane@example.com', 'cognito:user_status': 'CONFIRMED' }),
      validationData: { device: 'kiosk' },
    })
    expect(seen[1]!.event['request']).toMatchObject({
      groupConfiguration: { groupsToOverride: ['admins'], iamRolesToOverride: [], preferredRole: null },
    })
    expect(seen[2]!.event['request']).toMatchObject({ newDeviceUsed: false })
  })

  it('PreAuthentication refuses a sign-in whatever the password, and PostAuthentication never runs', async () => {
    behaviour.pre = async () => {
      throw new Error('SPIKE_LOCKED')
    }
    for (const password of ['Correct-Horse-1', 'wrong-password'])
      expect(
        await w.failure('InitiateAuth', {
          ClientId: CLIENT,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'jane', PASSWORD: password },
        }),
      ).toEqual({ name: 'UserLambdaValidationException', message: 'PreAuthentication failed with error SPIKE_LOCKED.' })
    expect(w.simulation.invocations({ trigger: 'PostAuthentication' })).toEqual([])
  })

  it('V1 adds and suppresses ID-token claims and overrides the groups in both tokens; reserved claims stay', async () => {
    behaviour.token = async (event) => {
      event.response.claimsOverrideDetails = {
        claimsToAddOrOverride: { tenant: 'acme', email: 'hidden@example.com', sub: 'not-allowed' },
        claimsToSuppress: ['email_verified'],
        groupOverrideDetails: { groupsToOverride: ['readers'] },
      }
      return event
    }
    const { IdToken, AccessToken } = tokens(await signIn())
    const id = decodeJwt(IdToken!)
    const access = decodeJwt(AccessToken!)
    expect(id).toMatchObject({ tenant: 'acme', email: 'hidden@example.com', 'cognito:groups': ['readers'] })
    expect(id['email_verified']).toBeUndefined()
    expect(id['sub']).not.toBe('not-allowed')
    expect(access['cognito:groups']).toEqual(['readers'])
    expect(access['tenant']).toBeUndefined()
  })

  it('V1 claim values that are not strings are InvalidLambdaResponseException', async () => {
    behaviour.token = (async (event) => {
      ;(event.response as Record<string, unknown>)['claimsOverrideDetails'] = {
        claimsToAddOrOverride: { roles: ['a'] },
      }
      return event
    }) as PreTokenGenerationTriggerHandler
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' },
      }),
    ).toEqual({
      name: 'InvalidLambdaResponseException',
      message: 'Unrecognizable lambda output',
    })
  })

  it('V2 customises both tokens, with scopes and typed claims, and runs again on refresh', async () => {
    behaviour.tokenV2 = async (event) => {
      event.response.claimsAndScopeOverrideDetails = {
        idTokenGeneration: { claimsToAddOrOverride: { plan: 'pro' } },
        accessTokenGeneration: {
          claimsToAddOrOverride: { tenant: 'acme', quota: 5 as unknown as string },
          scopesToAdd: ['reports/read'],
        },
      }
      return event
    }
    const first = tokens(await signIn('jane', 'Correct-Horse-1', V2_CLIENT))
    expect(decodeJwt(first.IdToken!)).toMatchObject({ plan: 'pro' })
    expect(decodeJwt(first.AccessToken!)).toMatchObject({
      tenant: 'acme',
      quota: 5,
      scope: 'aws.cognito.signin.user.admin reports/read',
    })
    const v2 = w.simulation.invocations({ triggerSource: 'TokenGeneration_Authentication' })[0]!.event
    expect(v2).toMatchObject({ version: '2', request: { scopes: ['aws.cognito.signin.user.admin'] } })
    await w.call('InitiateAuth', {
      ClientId: V2_CLIENT,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: first.RefreshToken },
    })
    expect(w.simulation.invocations({ triggerSource: 'TokenGeneration_RefreshTokens' })).toHaveLength(1)
    expect(w.simulation.invocations({ trigger: 'PreAuthentication', userPoolId: V2_POOL })).toEqual([])
  })
})

describe('UserMigration', () => {
  it('creates an unknown user on first sign-in with the password given, then signs it in', async () => {
    behaviour.migrate = async (event) => {
      if (event.request.password !== 'Legacy-Pass-1') throw new Error('Bad password')
      event.response.userAttributes = { email: 'old@example.com', email_verified: 'true' }
      event.response.finalUserStatus = 'CONFIRMED'
      event.response.messageAction = 'SUPPRESS'
      return event
    }
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'old', PASSWORD: 'nope-nope-1' },
      }),
    ).toEqual({
      name: 'UserLambdaValidationException',
      message: 'UserMigration failed with error Bad password.',
    })
    expect(tokens(await signIn('old', 'Legacy-Pass-1')).AccessToken).toBeDefined()
    const user = await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'old' })
    expect(user).toMatchObject({ UserStatus: 'CONFIRMED' })
    expect(user['UserAttributes']).toContainEqual({ Name: 'email', Value: 'old@example.com' })
    expect(w.simulation.invocations().map((i) => i.triggerSource)).toEqual([
      'UserMigration_Authentication',
      'UserMigration_Authentication',
      'PreAuthentication_Authentication',
      'TokenGeneration_Authentication',
      'PostAuthentication_Authentication',
    ])
    // Known from then on: the function is not asked again.
    await signIn('old', 'Legacy-Pass-1')
    expect(w.simulation.invocations({ trigger: 'UserMigration' })).toHaveLength(2)
    // The function got the password; the record of its invocations keeps none.
    const kept = JSON.stringify(w.simulation.invocations({ trigger: 'UserMigration' }))
    expect(kept).not.toMatch(/Legacy-Pass-1|nope-nope-1/)
    expect(kept).toContain('"password":"***"')
  })

  it('sends the welcome message unless the function says SUPPRESS, as AWS documents', async () => {
    behaviour.migrate = async (event) => {
      event.response.userAttributes = { email: `${event.userName}@example.com`, email_verified: 'true' }
      event.response.finalUserStatus = 'CONFIRMED'
      event.response.desiredDeliveryMediums = ['EMAIL']
      if (event.userName === 'quiet') event.response.messageAction = 'SUPPRESS'
      return event
    }
    await signIn('old', 'Legacy-Pass-1')
    expect(w.simulation.messages()).toEqual([
      expect.objectContaining({ kind: 'AdminCreateUser', medium: 'EMAIL', destination: 'old@example.com' }),
    ])
    await signIn('quiet', 'Legacy-Pass-1')
    expect(w.simulation.messages()).toHaveLength(1)
  })

  it('ForgotPassword migrates an unknown user as RESET_REQUIRED and sends the reset code', async () => {
    behaviour.migrate = async (event) => {
      event.response.userAttributes = { email: 'old@example.com', email_verified: 'true' }
      return event
    }
    const result = await w.call('ForgotPassword', { ClientId: CLIENT, Username: 'old' })
    expect(result['CodeDeliveryDetails']).toMatchObject({ DeliveryMedium: 'EMAIL', Destination: 'o***@e***' })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'old' }))['UserStatus']).toBe('RESET_REQUIRED')
    expect(w.simulation.invocations()[0]!.event).toMatchObject({
      triggerSource: 'UserMigration_ForgotPassword',
      request: { validationData: null },
    })
  })

  it('attributes Cognito would refuse are InvalidLambdaResponseException, and no user is left', async () => {
    behaviour.migrate = async (event) => {
      event.response.userAttributes = { shoe_size: '42' }
      return event
    }
    const failure = await w.failure('InitiateAuth', {
      ClientId: CLIENT,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'old', PASSWORD: 'Legacy-Pass-1' },
    })
    expect(failure.name).toBe('InvalidLambdaResponseException')
    expect(failure.message).toMatch(/shoe_size/)
    expect((await w.failure('AdminGetUser', { UserPoolId: POOL, Username: 'old' })).name).toBe('UserNotFoundException')
  })
})
