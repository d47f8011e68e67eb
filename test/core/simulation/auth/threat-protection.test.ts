import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_Threats01'
const CLIENT = 'threatclient00000000000000'
const OFF_POOL = 'us-east-1_NoThreat1'
const OFF_CLIENT = 'nothreatclient000000000000'
const PASSWORD = 'Correct-Horse-1'
const FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const
const w = world({
  userPools: [
    {
      PoolName: 'threats',
      Id: POOL,
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      MfaConfiguration: 'OPTIONAL',
      SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms' },
      Clients: [{ ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: [...FLOWS] }],
      Users: [
        {
          username: 'jane',
          password: PASSWORD,
          attributes: { email: 'jane@example.com', phone_number: '+15555550100' },
        },
        { username: 'bare', password: PASSWORD },
      ],
    },
    {
      PoolName: 'off',
      Id: OFF_POOL,
      Clients: [{ ClientName: 'web', ClientId: OFF_CLIENT, ExplicitAuthFlows: [...FLOWS] }],
      Users: [{ username: 'jane', password: PASSWORD }],
    },
  ],
})
afterEach(() => w.reset())

const signIn = (USERNAME = 'jane', PASS = PASSWORD, extra: object = {}) =>
  w.call('InitiateAuth', {
    ClientId: CLIENT,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME, PASSWORD: PASS },
    ...extra,
  })
const events = async (Username = 'jane') =>
  (await w.call('AdminListUserAuthEvents', { UserPoolId: POOL, Username }))['AuthEvents'] as Array<
    Record<string, unknown>
  >
const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>
const takeover = (Actions: object, NotifyConfiguration?: object) =>
  w.call('SetRiskConfiguration', {
    UserPoolId: POOL,
    AccountTakeoverRiskConfiguration: { Actions, ...(NotifyConfiguration && { NotifyConfiguration }) },
  })

describe('feature plans', () => {
  it('refuses threat protection on an ESSENTIALS pool with the message Cognito gives', async () => {
    expect(
      await w.failure('CreateUserPool', {
        PoolName: 'x',
        UserPoolTier: 'ESSENTIALS',
        UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
      }),
    ).toEqual({
      name: 'FeatureUnavailableInTierException',
      message:
        'The following features need to be disabled for the ESSENTIALS pricing tier configured: Threat Protection',
    })
  })
})

describe('SetRiskConfiguration and DescribeRiskConfiguration', () => {
  it('keeps only what the request names, lets a client override the pool, and resets', async () => {
    const set = await w.call('SetRiskConfiguration', {
      UserPoolId: POOL,
      RiskExceptionConfiguration: { BlockedIPRangeList: ['192.0.2.0/24'] },
    })
    expect(set['RiskConfiguration']).toMatchObject({
      UserPoolId: POOL,
      RiskExceptionConfiguration: { BlockedIPRangeList: ['192.0.2.0/24'] },
    })
    expect(set['RiskConfiguration']).not.toHaveProperty('AccountTakeoverRiskConfiguration')
    await w.call('SetRiskConfiguration', {
      UserPoolId: POOL,
      ClientId: CLIENT,
      CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN'], Actions: { EventAction: 'BLOCK' } },
    })
    const client = await w.call('DescribeRiskConfiguration', { UserPoolId: POOL, ClientId: CLIENT })
    expect(client['RiskConfiguration']).toMatchObject({
      ClientId: CLIENT,
      CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN'] },
    })
    await w.call('SetRiskConfiguration', { UserPoolId: POOL, ClientId: CLIENT })
    const inherited = await w.call('DescribeRiskConfiguration', { UserPoolId: POOL, ClientId: CLIENT })
    expect(inherited['RiskConfiguration']).toMatchObject({ RiskExceptionConfiguration: {} })
    await w.call('SetRiskConfiguration', { UserPoolId: POOL })
    const reset = await w.call('DescribeRiskConfiguration', { UserPoolId: POOL })
    expect(reset['RiskConfiguration']).toEqual({ UserPoolId: POOL })
  })

  it('refuses an IP range that is not CIDR, and a client of another pool', async () => {
    expect(
      (
        await w.failure('SetRiskConfiguration', {
          UserPoolId: POOL,
          RiskExceptionConfiguration: { SkippedIPRangeList: ['not-an-ip'] },
        })
      ).name,
    ).toBe('InvalidParameterException')
    expect(await w.failure('DescribeRiskConfiguration', { UserPoolId: POOL, ClientId: OFF_CLIENT })).toEqual({
      name: 'ResourceNotFoundException',
      message: `User pool client ${OFF_CLIENT} does not exist.`,
    })
  })
})

describe('auth events', () => {
  it('are refused where threat protection is off', async () => {
    expect((await w.failure('AdminListUserAuthEvents', { UserPoolId: OFF_POOL, Username: 'jane' })).name).toBe(
      'UserPoolAddOnNotEnabledException',
    )
  })

  it('record a wrong password as a failure and a sign-in as a pass whose id the tokens carry, newest first', async () => {
    await w.failure('InitiateAuth', {
      ClientId: CLIENT,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'jane', PASSWORD: 'Wrong-Horse-1' },
    })
    w.advance(1)
    const result = (await signIn())['AuthenticationResult'] as Record<string, string>
    const [pass, fail] = await events()
    expect(fail).toMatchObject({
      EventType: 'SignIn',
      EventResponse: 'Fail',
      EventRisk: { RiskDecision: 'NoRisk', CompromisedCredentialsDetected: false },
      ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }],
    })
    expect(pass).toMatchObject({ EventType: 'SignIn', EventResponse: 'Pass', EventRisk: { RiskDecision: 'NoRisk' } })
    expect(claims(result['AccessToken']!)['event_id']).toBe(pass!['EventId'])
    expect(claims(result['IdToken']!)['event_id']).toBe(pass!['EventId'])
  })

  it('page with a NextToken of the last event id and its time', async () => {
    await signIn()
    await signIn()
    const page = await w.call('AdminListUserAuthEvents', { UserPoolId: POOL, Username: 'jane', MaxResults: 1 })
    const [first] = page['AuthEvents'] as Array<{ EventId: string; CreationDate: Date }>
    expect(page['NextToken']).toBe(`${first!.EventId}#${first!.CreationDate.toISOString()}`)
    const next = await w.call('AdminListUserAuthEvents', {
      UserPoolId: POOL,
      Username: 'jane',
      MaxResults: 1,
      NextToken: page['NextToken'],
    })
    expect((next['AuthEvents'] as unknown[]).length).toBe(1)
  })
})

describe('adaptive authentication', () => {
  it('blocks at the level the test set, notifies, and takes feedback with the token the email carried', async () => {
    await takeover(
      { HighAction: { EventAction: 'BLOCK', Notify: true } },
      { SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com' },
    )
    await w.simulation.setRisk({ userPoolId: POOL, username: 'jane', level: 'High', times: 1 })
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'jane', PASSWORD },
      }),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Unable to login because of security reasons.' })
    const [blocked] = await events()
    expect(blocked).toMatchObject({ EventResponse: 'Fail', EventRisk: { RiskDecision: 'Block', RiskLevel: 'High' } })
    const mail = w.simulation.messages({ kind: 'ThreatProtection' }).at(-1)!
    expect(mail).toMatchObject({ subject: 'Blocked sign-in attempt', destination: 'jane@example.com' })
    expect(mail.message).toContain('We blocked an unrecognized sign-in')
    const input = { UserPoolId: POOL, Username: 'jane', EventId: blocked!['EventId'], FeedbackValue: 'Invalid' }
    expect(await w.failure('UpdateAuthEventFeedback', { ...input, FeedbackToken: 'not-the-token' })).toMatchObject({
      name: 'NotAuthorizedException',
    })
    await w.call('UpdateAuthEventFeedback', { ...input, FeedbackToken: mail.feedbackToken })
    expect((await events())[0]).toMatchObject({ EventFeedback: { FeedbackValue: 'Invalid', Provider: 'User' } })
    // Only one sign-in was to be risky: the next passes.
    expect((await signIn())['AuthenticationResult']).toBeDefined()
  })

  it('asks for MFA the user can do, and blocks a user who can do none under MFA_REQUIRED', async () => {
    await takeover({ MediumAction: { EventAction: 'MFA_REQUIRED', Notify: false } })
    await w.simulation.setRisk({ userPoolId: POOL, username: 'jane', level: 'Medium' })
    await w.simulation.setRisk({ userPoolId: POOL, username: 'bare', level: 'Medium' })
    const challenge = await signIn()
    expect(challenge['ChallengeName']).toBe('SMS_MFA')
    const code = w.simulation.lastCode({ username: 'jane' })!
    const done = await w.call('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'SMS_MFA',
      Session: challenge['Session'],
      ChallengeResponses: { USERNAME: 'jane', SMS_MFA_CODE: code },
    })
    expect(done['AuthenticationResult']).toBeDefined()
    expect((await events())[0]).toMatchObject({
      EventResponse: 'Pass',
      EventRisk: { RiskDecision: 'AccountTakeover', RiskLevel: 'Medium' },
      ChallengeResponses: [
        { ChallengeName: 'Password', ChallengeResponse: 'Success' },
        { ChallengeName: 'Mfa', ChallengeResponse: 'Success' },
      ],
    })
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'bare', PASSWORD },
      }),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Unable to login because of security reasons.' })
  })

  it('only records in AUDIT mode', async () => {
    await w.call('UpdateUserPool', {
      UserPoolId: POOL,
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
    })
    await takeover({ HighAction: { EventAction: 'BLOCK', Notify: false } })
    await w.simulation.setRisk({ userPoolId: POOL, username: 'jane', level: 'High' })
    expect((await signIn())['AuthenticationResult']).toBeDefined()
    expect((await events())[0]).toMatchObject({
      EventResponse: 'Pass',
      EventRisk: { RiskDecision: 'AccountTakeover', RiskLevel: 'High' },
    })
  })
})

describe('IP addresses and compromised credentials', () => {
  it('refuses an always-blocked address and does not rate an always-allowed one', async () => {
    await w.call('SetRiskConfiguration', {
      UserPoolId: POOL,
      AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'BLOCK', Notify: false } } },
      RiskExceptionConfiguration: { BlockedIPRangeList: ['192.0.2.0/24'], SkippedIPRangeList: ['198.51.100.0/24'] },
    })
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'jane', PASSWORD },
        UserContextData: { IpAddress: '192.0.2.7' },
      }),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Request not allowed due to security reasons.' })
    await w.simulation.setRisk({ userPoolId: POOL, ipAddress: '198.51.100.9', level: 'High' })
    expect(
      (await signIn('jane', PASSWORD, { UserContextData: { IpAddress: '198.51.100.9' } }))['AuthenticationResult'],
    ).toBeDefined()
    expect((await events())[0]).toMatchObject({
      EventRisk: { RiskDecision: 'NoRisk' },
      EventContextData: { IpAddress: '198.51.100.9' },
    })
  })

  it('refuses a compromised password at sign-in (the user must reset) and at sign-up', async () => {
    await w.call('SetRiskConfiguration', {
      UserPoolId: POOL,
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
    })
    await w.simulation.addCompromisedPasswords(POOL, [PASSWORD])
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'jane', PASSWORD },
      }),
    ).toMatchObject({ name: 'NotAuthorizedException' })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))['UserStatus']).toBe('RESET_REQUIRED')
    expect((await events())[0]).toMatchObject({
      EventResponse: 'Fail',
      EventRisk: { RiskDecision: 'Block', CompromisedCredentialsDetected: true },
    })
    expect(await w.failure('SignUp', { ClientId: CLIENT, Username: 'new', Password: PASSWORD })).toEqual({
      name: 'InvalidPasswordException',
      message: 'Provided password cannot be used for security reasons.',
    })
  })

  it('records a password reset as ForgotPassword then PasswordChange, and refuses it from a blocked address', async () => {
    await w.call('ForgotPassword', { ClientId: CLIENT, Username: 'jane' })
    const code = w.simulation.lastCode({ username: 'jane', kind: 'ForgotPassword' })!
    await w.call('ConfirmForgotPassword', {
      ClientId: CLIENT,
      Username: 'jane',
      ConfirmationCode: code,
      Password: 'Another-Horse-2',
    })
    expect((await events()).map((e) => `${e['EventType']} ${e['EventResponse']}`)).toEqual([
      'PasswordChange Pass',
      'ForgotPassword Pass',
    ])
    await w.call('SetRiskConfiguration', {
      UserPoolId: POOL,
      RiskExceptionConfiguration: { BlockedIPRangeList: ['203.0.113.0/24'] },
    })
    expect(
      await w.failure('ForgotPassword', {
        ClientId: CLIENT,
        Username: 'jane',
        UserContextData: { IpAddress: '203.0.113.5' },
      }),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Request not allowed due to security reasons.' })
  })
})
