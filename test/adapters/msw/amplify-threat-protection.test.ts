import { Amplify } from 'aws-amplify'
import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { STRICT } from '../../support/msw.js'

const userPoolId = 'eu-west-1_RiskPool12'
const userPoolClientId = '4riskexample3456789abcdefg'
const SMS = { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms', ExternalId: 'risk' }
const { server, cognito } = setupCognitoServer({
  seed: 12,
  fixtures: {
    userPools: [
      {
        PoolName: 'risk',
        Id: userPoolId,
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        SmsConfiguration: SMS,
        Clients: [
          {
            ClientName: 'web',
            ClientId: userPoolClientId,
            ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
        ],
        Users: [{ username: 'sam', password: 'Correct-Horse-1', attributes: { phone_number: '+15555550108' } }],
      },
    ],
  },
})
const configure = async () => {
  await cognito.ready
  await cognito.simulation.send('SetUserPoolMfaConfig', {
    UserPoolId: userPoolId,
    MfaConfiguration: 'OPTIONAL',
    SmsMfaConfiguration: { SmsConfiguration: SMS },
  })
  await cognito.simulation.send('SetRiskConfiguration', {
    UserPoolId: userPoolId,
    AccountTakeoverRiskConfiguration: {
      Actions: {
        MediumAction: { EventAction: 'MFA_IF_CONFIGURED', Notify: false },
        HighAction: { EventAction: 'BLOCK', Notify: false },
      },
    },
  })
}
beforeAll(async () => {
  server.listen(STRICT)
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId } } })
  await configure()
})
afterEach(async () => {
  await signOut()
  cognito.reset()
  await configure()
})
afterAll(() => server.close())

const events = async () =>
  (await cognito.simulation.send('AdminListUserAuthEvents', { UserPoolId: userPoolId, Username: 'sam' })).AuthEvents!

describe('Amplify v6 against threat protection', () => {
  it('signs in with SRP as usual when the risk is low, and the access token names the event', async () => {
    const result = await signIn({ username: 'sam', password: 'Correct-Horse-1' })
    expect(result.isSignedIn).toBe(true)
    const [event] = await events()
    expect(event).toMatchObject({ EventType: 'SignIn', EventResponse: 'Pass', EventRisk: { RiskDecision: 'NoRisk' } })
    const { tokens } = await fetchAuthSession()
    expect(tokens?.accessToken.payload['event_id']).toBe(event!.EventId)
  })

  it('answers a medium risk with an SMS code Amplify asks for, then signs in', async () => {
    await cognito.simulation.setRisk({ userPoolId, username: 'sam', level: 'Medium' })
    const first = await signIn({ username: 'sam', password: 'Correct-Horse-1' })
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_SMS_CODE')
    const done = await confirmSignIn({ challengeResponse: cognito.lastCode({ username: 'sam' })! })
    expect(done.isSignedIn).toBe(true)
    expect((await events())[0]).toMatchObject({
      EventResponse: 'Pass',
      EventRisk: { RiskDecision: 'AccountTakeover', RiskLevel: 'Medium' },
      ChallengeResponses: [
        { ChallengeName: 'Password', ChallengeResponse: 'Success' },
        { ChallengeName: 'Mfa', ChallengeResponse: 'Success' },
      ],
    })
  })

  it("refuses a high risk with Cognito's message", async () => {
    await cognito.simulation.setRisk({ userPoolId, username: 'sam', level: 'High' })
    await expect(signIn({ username: 'sam', password: 'Correct-Horse-1' })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Unable to login because of security reasons.',
    })
  })
})
