import { Amplify } from 'aws-amplify'
import { confirmSignIn, fetchAuthSession, signIn, signOut, signUp } from 'aws-amplify/auth'
import { CognitoJwtVerifier } from 'aws-jwt-verify'
import type {
  CreateAuthChallengeTriggerHandler,
  CustomMessageTriggerHandler,
  DefineAuthChallengeTriggerHandler,
  PreSignUpTriggerHandler,
  PreTokenGenerationV2TriggerHandler,
  UserMigrationTriggerHandler,
  VerifyAuthChallengeResponseTriggerHandler,
} from 'aws-lambda'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import '../../../src/adapters/testing/vitest.js'
import { STRICT } from '../../support/msw.js'

const userPoolId = 'eu-west-1_Triggers1'
const userPoolClientId = '7example23456789abcdefghij'
const arn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${name}`

// A team's production trigger module, passed in unchanged.
const preSignUp: PreSignUpTriggerHandler = async (event) => {
  if (event.request.userAttributes['email']?.endsWith('@example.com')) {
    event.response.autoConfirmUser = true
    event.response.autoVerifyEmail = true
  }
  return event
}
const customMessage: CustomMessageTriggerHandler = async (event) => {
  if (event.triggerSource === 'CustomMessage_ForgotPassword') {
    event.response.emailSubject = 'Reset your Acme password'
    event.response.emailMessage = `Your Acme reset code: ${event.request.codeParameter}`
  }
  return event
}
const preTokenGeneration: PreTokenGenerationV2TriggerHandler = async (event) => {
  event.response.claimsAndScopeOverrideDetails = {
    idTokenGeneration: { claimsToAddOrOverride: { tenant: 'acme' } },
    accessTokenGeneration: { claimsToAddOrOverride: { tenant: 'acme' }, scopesToAdd: ['orders/read'] },
  }
  return event
}
const userMigration: UserMigrationTriggerHandler = async (event) => {
  if (event.userName !== 'legacy@example.com' || event.request.password !== 'Legacy-Pass-1')
    throw new Error('Bad password')
  event.response.userAttributes = { email: 'legacy@example.com', email_verified: 'true' }
  event.response.finalUserStatus = 'CONFIRMED'
  event.response.messageAction = 'SUPPRESS'
  return event
}
const defineAuthChallenge: DefineAuthChallengeTriggerHandler = async (event) => {
  const last = event.request.session.at(-1)
  event.response.issueTokens = last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult === true
  event.response.failAuthentication = false
  if (!event.response.issueTokens) event.response.challengeName = 'CUSTOM_CHALLENGE'
  return event
}
const createAuthChallenge: CreateAuthChallengeTriggerHandler = async (event) => {
  event.response.publicChallengeParameters = { question: 'What is 6 x 7?' }
  event.response.privateChallengeParameters = { answer: '42' }
  return event
}
const verifyAuthChallengeResponse: VerifyAuthChallengeResponseTriggerHandler = async (event) => {
  event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters['answer']
  return event
}

const { server, cognito } = setupCognitoServer({
  fixtures: {
    userPools: [
      {
        PoolName: 'with-triggers',
        Id: userPoolId,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        LambdaConfig: {
          PreSignUp: arn('preSignUp'),
          CustomMessage: arn('customMessage'),
          PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: arn('preTokenGeneration') },
          UserMigration: arn('userMigration'),
          DefineAuthChallenge: arn('defineAuthChallenge'),
          CreateAuthChallenge: arn('createAuthChallenge'),
          VerifyAuthChallengeResponse: arn('verifyAuthChallengeResponse'),
        },
        Clients: [
          {
            ClientName: 'web',
            ClientId: userPoolClientId,
            ExplicitAuthFlows: [
              'ALLOW_USER_SRP_AUTH',
              'ALLOW_USER_PASSWORD_AUTH',
              'ALLOW_CUSTOM_AUTH',
              'ALLOW_REFRESH_TOKEN_AUTH',
            ],
          },
        ],
        Users: [{ username: 'jane@example.com', password: 'Correct-Horse-1' }],
      },
    ],
  },
  lambdas: {
    preSignUp,
    customMessage,
    preTokenGeneration,
    userMigration,
    defineAuthChallenge,
    createAuthChallenge,
    verifyAuthChallengeResponse,
  },
})
beforeAll(async () => {
  server.listen(STRICT)
  await cognito.ready
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId } } })
})
afterEach(async () => {
  await signOut()
  cognito.reset()
  await cognito.ready
})
afterAll(() => server.close())

describe('Amplify v6 against pools with Lambda triggers', () => {
  it('signs up a user PreSignUp auto-confirms, with no code to enter', async () => {
    const result = await signUp({ username: 'new@example.com', password: 'Correct-Horse-1' })
    expect(result.isSignUpComplete).toBe(true)
    expect(cognito.messages()).toEqual([])
    expect(cognito).toHaveInvokedTrigger('PreSignUp', {
      triggerSource: 'PreSignUp_SignUp',
      request: { userAttributes: { email: 'new@example.com' } },
    })
    expect(cognito).not.toHaveInvokedTrigger('CustomMessage')
  })

  it('signs in with a custom challenge (CUSTOM_WITHOUT_SRP) and confirmSignIn', async () => {
    const first = await signIn({
      username: 'jane@example.com',
      options: { authFlowType: 'CUSTOM_WITHOUT_SRP' },
    })
    expect(first.nextStep).toEqual({
      signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE',
      additionalInfo: { question: 'What is 6 x 7?', USERNAME: expect.any(String) },
    })
    expect(await confirmSignIn({ challengeResponse: '42' })).toEqual({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    })
  })

  it("adds PreTokenGeneration V2 claims that aws-jwt-verify accepts, and the access token's scope", async () => {
    await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    const { tokens } = await fetchAuthSession()
    const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'access', clientId: userPoolClientId })
    expect(await verifier.verify(tokens!.accessToken.toString())).toMatchObject({
      tenant: 'acme',
      scope: 'aws.cognito.signin.user.admin orders/read',
    })
    expect(tokens!.idToken!.payload['tenant']).toBe('acme')
  })

  it('migrates a user on its first sign-in (USER_PASSWORD_AUTH), then signs it in', async () => {
    const result = await signIn({
      username: 'legacy@example.com',
      password: 'Legacy-Pass-1',
      options: { authFlowType: 'USER_PASSWORD_AUTH' },
    })
    expect(result.isSignedIn).toBe(true)
    expect(cognito).toHaveInvokedTrigger('UserMigration', {
      triggerSource: 'UserMigration_Authentication',
      userName: 'legacy@example.com',
    })
  })

  it('sends the reset code in the words CustomMessage chose', async () => {
    const { resetPassword } = await import('aws-amplify/auth')
    await resetPassword({ username: 'jane@example.com' })
    const [message] = cognito.messages({ kind: 'ForgotPassword' })
    expect(message).toMatchObject({ subject: 'Reset your Acme password' })
    expect(message!.message).toBe(`Your Acme reset code: ${message!.code}`)
  })
})
