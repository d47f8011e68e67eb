import type {
  CreateAuthChallengeTriggerHandler,
  DefineAuthChallengeTriggerHandler,
  VerifyAuthChallengeResponseTriggerHandler,
} from 'aws-lambda'
import { afterEach, describe, expect, it } from 'vitest'
import { srpClient } from '../../../support/srp-client.js'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_CustomAut'
const CLIENT = 'customauthclient0000000000'
const HIDING = 'customauthhiding0000000000'
const arn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`

/** Whether the define function below answers the SRP_A session with CUSTOM_CHALLENGE (no password step). */
let skipPassword = false
// The canonical one-time-code functions of AWS's documentation: three tries, then fail.
const define: DefineAuthChallengeTriggerHandler = async (event) => {
  const last = event.request.session.at(-1)
  if (event.request.userNotFound) {
    event.response.failAuthentication = true
    event.response.issueTokens = false
  } else if (last?.challengeName === 'SRP_A' && event.request.session.length === 1 && !skipPassword) {
    // As AWS's example: a sign-in that starts with SRP_A checks the password first.
    event.response.challengeName = 'PASSWORD_VERIFIER'
    event.response.issueTokens = false
    event.response.failAuthentication = false
  } else if (last?.challengeName === 'PASSWORD_VERIFIER' && !last.challengeResult) {
    event.response.failAuthentication = true
    event.response.issueTokens = false
  } else if (last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult) {
    event.response.issueTokens = true
    event.response.failAuthentication = false
  } else if (event.request.session.filter((s) => s.challengeName === 'CUSTOM_CHALLENGE').length >= 3) {
    event.response.failAuthentication = true
    event.response.issueTokens = false
  } else {
    event.response.challengeName = 'CUSTOM_CHALLENGE'
    event.response.issueTokens = false
    event.response.failAuthentication = false
  }
  return event
}
const create: CreateAuthChallengeTriggerHandler = async (event) => {
  event.response.publicChallengeParameters = { hint: 'the magic word' }
  event.response.privateChallengeParameters = { answer: 'please' }
  event.response.challengeMetadata = `TRY-${event.request.session.length + 1}`
  return event
}
const verify: VerifyAuthChallengeResponseTriggerHandler = async (event) => {
  event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters['answer']
  return event
}

const w = world(
  {
    userPools: [
      {
        PoolName: 'custom',
        Id: POOL,
        LambdaConfig: {
          DefineAuthChallenge: arn('define'),
          CreateAuthChallenge: arn('create'),
          VerifyAuthChallengeResponse: arn('verify'),
        },
        Clients: [
          { ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH'] },
          {
            ClientName: 'hiding',
            ClientId: HIDING,
            ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH'],
            PreventUserExistenceErrors: 'ENABLED',
          },
        ],
        Users: [{ username: 'jane', password: 'Correct-Horse-1' }],
      },
    ],
  },
  1,
  { lambdas: { define, create, verify } },
)
afterEach(() => w.reset())

const start = (ClientId = CLIENT, USERNAME = 'jane') =>
  w.call('InitiateAuth', { ClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME } })
const answer = (Session: unknown, ANSWER: string) =>
  w.call('RespondToAuthChallenge', {
    ClientId: CLIENT,
    ChallengeName: 'CUSTOM_CHALLENGE',
    Session,
    ChallengeResponses: { USERNAME: 'jane', ANSWER },
  })

describe('CUSTOM_AUTH through Define, Create and Verify', () => {
  it('asks the challenge with its public parameters, and issues tokens for the right answer', async () => {
    const first = await start()
    expect(first).toMatchObject({
      ChallengeName: 'CUSTOM_CHALLENGE',
      ChallengeParameters: { hint: 'the magic word', USERNAME: 'jane' },
    })
    const wrong = await answer(first['Session'], 'pretty please')
    expect(wrong).toMatchObject({ ChallengeName: 'CUSTOM_CHALLENGE' })
    const right = await answer(wrong['Session'], 'please')
    expect(right['AuthenticationResult']).toMatchObject({ TokenType: 'Bearer' })
    const defines = w.simulation.invocations({ trigger: 'DefineAuthChallenge' })
    expect(defines.map((d) => (d.event['request'] as { session: unknown[] }).session)).toEqual([
      [],
      [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'TRY-1' }],
      [
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'TRY-1' },
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'TRY-2' },
      ],
    ])
    expect(w.simulation.invocations({ trigger: 'VerifyAuthChallengeResponse' })[0]!.event['request']).toMatchObject({
      privateChallengeParameters: { answer: 'please' },
      challengeAnswer: 'pretty please',
    })
  })

  it('fails after three wrong answers as a wrong password fails', async () => {
    let session = (await start())['Session']
    for (let i = 0; i < 2; i++) session = (await answer(session, 'no'))['Session']
    expect(
      await w.failure('RespondToAuthChallenge', {
        ClientId: CLIENT,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: session,
        ChallengeResponses: { USERNAME: 'jane', ANSWER: 'no' },
      }),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' })
  })

  it('with CHALLENGE_NAME SRP_A, checks the password by SRP first and tells Define so', async () => {
    const srp = srpClient(POOL)
    const first = await w.call('InitiateAuth', {
      ClientId: CLIENT,
      AuthFlow: 'CUSTOM_AUTH',
      AuthParameters: { USERNAME: 'jane', SRP_A: srp.A, CHALLENGE_NAME: 'SRP_A' },
    })
    expect(first['ChallengeName']).toBe('PASSWORD_VERIFIER')
    const custom = await w.call('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: srp.answer(
        first['ChallengeParameters'] as Record<string, string>,
        'Correct-Horse-1',
        w.now(),
      ),
    })
    expect(custom['ChallengeName']).toBe('CUSTOM_CHALLENGE')
    const sessions = w.simulation
      .invocations({ trigger: 'DefineAuthChallenge' })
      .map((i) => (i.event['request'] as { session: unknown[] }).session)
    expect(sessions).toEqual([
      [{ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null }],
      [
        { challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null },
        { challengeName: 'PASSWORD_VERIFIER', challengeResult: true, challengeMetadata: null },
      ],
    ])
  })

  it('with CHALLENGE_NAME SRP_A, skips the password when DefineAuthChallenge answers CUSTOM_CHALLENGE', async () => {
    skipPassword = true
    try {
      const srp = srpClient(POOL)
      const first = await w.call('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'CUSTOM_AUTH',
        AuthParameters: { USERNAME: 'jane', SRP_A: srp.A, CHALLENGE_NAME: 'SRP_A' },
      })
      expect(first['ChallengeName']).toBe('CUSTOM_CHALLENGE')
      expect(first['ChallengeParameters']).toMatchObject({ hint: 'the magic word', USERNAME: 'jane' })
    } finally {
      skipPassword = false
    }
  })

  it('tells Define a user does not exist when the client hides users', async () => {
    expect(
      await w.failure('InitiateAuth', {
        ClientId: HIDING,
        AuthFlow: 'CUSTOM_AUTH',
        AuthParameters: { USERNAME: 'nobody' },
      }),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
    expect(w.simulation.invocations()[0]!.event['request']).toMatchObject({ userNotFound: true, userAttributes: {} })
  })

  it('refuses CUSTOM_AUTH where the pool has no DefineAuthChallenge', async () => {
    await w.call('UpdateUserPool', { UserPoolId: POOL, LambdaConfig: {} })
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'CUSTOM_AUTH',
        AuthParameters: { USERNAME: 'jane' },
      }),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Custom auth lambda trigger is not configured for the user pool.',
    })
  })
})
