import { Secret, TOTP } from 'otpauth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_MfaPool01'
const CLIENT = 'mfaclient00000000000000000'
const w = world({
  userPools: [
    {
      PoolName: 'mfa',
      Id: POOL,
      Clients: [
        {
          ClientName: 'web',
          ClientId: CLIENT,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
      ],
      Users: [
        { username: 'jane', password: 'Correct-Horse-1', attributes: { email: 'jane@example.com' } },
        { username: 'sam', password: 'Correct-Horse-1', attributes: { phone_number: '+15555550108' } },
      ],
    },
  ],
})

const SMS = { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms', ExternalId: 'x' } }
const setMfa = (MfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL', sms = true) =>
  w.call('SetUserPoolMfaConfig', {
    UserPoolId: POOL,
    MfaConfiguration,
    SoftwareTokenMfaConfiguration: { Enabled: true },
    ...(sms && { SmsMfaConfiguration: SMS }),
  })
beforeEach(() => setMfa('OPTIONAL'))
afterEach(() => w.reset())

const signIn = (USERNAME: string) =>
  w.call('InitiateAuth', {
    ClientId: CLIENT,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME, PASSWORD: 'Correct-Horse-1' },
  })
const accessToken = async (username: string) =>
  ((await signIn(username))['AuthenticationResult'] as Record<string, string>)['AccessToken']!
/** The code an authenticator app shows for a secret at the simulation's time, `steps` periods on. */
const totpCode = (secret: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: w.now() + steps * 30_000 })

/** Sets up an authenticator for a signed-in user and makes it the preferred method; returns its secret. */
async function enrolTotp(username: string): Promise<string> {
  const AccessToken = await accessToken(username)
  const { SecretCode } = (await w.call('AssociateSoftwareToken', { AccessToken })) as { SecretCode: string }
  expect(await w.call('VerifySoftwareToken', { AccessToken, UserCode: totpCode(SecretCode) })).toMatchObject({
    Status: 'SUCCESS',
  })
  // Verified, not turned on: as Cognito does, only SetUserMFAPreference turns it on.
  expect(await w.call('GetUser', { AccessToken })).not.toHaveProperty('UserMFASettingList')
  await w.call('SetUserMFAPreference', {
    AccessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  })
  w.advance(30)
  return SecretCode
}

describe('pool MFA configuration', () => {
  it('GetUserPoolMfaConfig answers what SetUserPoolMfaConfig set', async () => {
    const got = await w.call('GetUserPoolMfaConfig', { UserPoolId: POOL })
    expect(got).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: { SmsConfiguration: SMS.SmsConfiguration },
    })
    expect((await w.call('DescribeUserPool', { UserPoolId: POOL }))['UserPool']).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
    })
  })

  it('refuses MFA turned on with no method', async () => {
    expect(
      await w.failure('SetUserPoolMfaConfig', {
        UserPoolId: POOL,
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: false },
      }),
    ).toMatchObject({ name: 'InvalidParameterException' })
  })
})

describe('software tokens (TOTP)', () => {
  it('AssociateSoftwareToken gives a base32 secret an authenticator app accepts', async () => {
    const AccessToken = await accessToken('jane')
    const { SecretCode } = (await w.call('AssociateSoftwareToken', { AccessToken })) as { SecretCode: string }
    expect(SecretCode).toMatch(/^[A-Z2-7]{32,}$/)
  })

  it('VerifySoftwareToken refuses a wrong code with the enabling exception', async () => {
    const AccessToken = await accessToken('jane')
    await w.call('AssociateSoftwareToken', { AccessToken })
    expect(await w.failure('VerifySoftwareToken', { AccessToken, UserCode: '000000' })).toEqual({
      name: 'EnableSoftwareTokenMFAException',
      message: 'Code mismatch and fail enable Software Token MFA',
    })
  })

  it('a user who prefers TOTP answers SOFTWARE_TOKEN_MFA with empty parameters', async () => {
    const secret = await enrolTotp('jane')
    const challenge = await signIn('jane')
    expect(challenge).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: {} })
    const answer = await w.call('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: challenge['Session'],
      ChallengeResponses: { USERNAME: 'jane', SOFTWARE_TOKEN_MFA_CODE: totpCode(secret) },
    })
    expect((answer['AuthenticationResult'] as Record<string, string>)['AccessToken']).toBeDefined()
  })

  it('refuses a wrong code, then a code already used', async () => {
    const secret = await enrolTotp('jane')
    const respond = async (code: string) => {
      const challenge = await signIn('jane')
      return w.failure('RespondToAuthChallenge', {
        ClientId: CLIENT,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: challenge['Session'],
        ChallengeResponses: { USERNAME: 'jane', SOFTWARE_TOKEN_MFA_CODE: code },
      })
    }
    expect(await respond('000000')).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid code or auth state for the user.',
    })
    const first = await signIn('jane')
    const code = totpCode(secret)
    await w.call('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: first['Session'],
      ChallengeResponses: { USERNAME: 'jane', SOFTWARE_TOKEN_MFA_CODE: code },
    })
    expect(await respond(code)).toEqual({
      name: 'ExpiredCodeException',
      message: 'Your software token has already been used once.',
    })
  })

  it('GetUser and AdminGetUser list the methods and the preference', async () => {
    await enrolTotp('jane')
    const got = await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })
    expect(got).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    })
  })

  it('AdminSetUserMFAPreference turns TOTP off', async () => {
    await enrolTotp('jane')
    await w.call('AdminSetUserMFAPreference', {
      UserPoolId: POOL,
      Username: 'jane',
      SoftwareTokenMfaSettings: { Enabled: false },
    })
    const answer = await signIn('jane')
    expect(answer['ChallengeName']).toBeUndefined()
    expect(await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })).not.toHaveProperty(
      'UserMFASettingList',
    )
  })

  it('AdminDeleteSoftwareToken removes the authenticator and the preference for it', async () => {
    await enrolTotp('jane')
    await w.call('AdminDeleteSoftwareToken', { UserPoolId: POOL, Username: 'jane' })
    expect((await signIn('jane'))['AuthenticationResult']).toBeDefined()
    expect(await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })).not.toHaveProperty(
      'PreferredMfaSetting',
    )
  })

  it("SetUserMFAPreference refuses TOTP before a token is verified, and SMS without a phone number, in Cognito's words", async () => {
    const AccessToken = await accessToken('jane')
    expect(
      await w.failure('SetUserMFAPreference', { AccessToken, SoftwareTokenMfaSettings: { Enabled: true } }),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
    })
    expect(
      await w.failure('AdminSetUserMFAPreference', {
        UserPoolId: POOL,
        Username: 'jane',
        SMSMfaSettings: { Enabled: true },
      }),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SMS_MFA',
    })
  })
})

describe('SMS and email codes', () => {
  it("SMS_MFA sends a code by text and shows the masked number, as Cognito's challenge does", async () => {
    const AccessToken = await accessToken('sam')
    await w.call('SetUserMFAPreference', { AccessToken, SMSMfaSettings: { Enabled: true, PreferredMfa: true } })
    const challenge = await signIn('sam')
    expect(challenge).toMatchObject({
      ChallengeName: 'SMS_MFA',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0108' },
    })
    const code = w.simulation.lastCode({ username: 'sam' })!
    expect(code).toMatch(/^\d{6}$/)
    expect(w.simulation.messages({ username: 'sam' }).at(-1)).toMatchObject({
      medium: 'SMS',
      destination: '+15555550108',
      kind: 'Authentication',
    })
    expect(
      await w.failure('RespondToAuthChallenge', {
        ClientId: CLIENT,
        ChallengeName: 'SMS_MFA',
        Session: challenge['Session'],
        ChallengeResponses: { USERNAME: 'sam', SMS_MFA_CODE: code === '123456' ? '654321' : '123456' },
      }),
    ).toEqual({ name: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' })
    const answer = await w.call('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'SMS_MFA',
      Session: challenge['Session'],
      ChallengeResponses: { USERNAME: 'sam', SMS_MFA_CODE: code },
    })
    expect(answer['AuthenticationResult']).toBeDefined()
  })

  it('MFA ON texts a user with a phone number who turned nothing on', async () => {
    await setMfa('ON')
    expect((await signIn('sam'))['ChallengeName']).toBe('SMS_MFA')
  })

  it('a user with two methods and no preference chooses with SELECT_MFA_TYPE', async () => {
    const AccessToken = await accessToken('sam')
    const { SecretCode } = (await w.call('AssociateSoftwareToken', { AccessToken })) as { SecretCode: string }
    await w.call('VerifySoftwareToken', { AccessToken, UserCode: totpCode(SecretCode) })
    await w.call('SetUserMFAPreference', {
      AccessToken,
      SMSMfaSettings: { Enabled: true },
      SoftwareTokenMfaSettings: { Enabled: true },
    })
    w.advance(30)
    const select = await w.call('AdminInitiateAuth', {
      UserPoolId: POOL,
      ClientId: CLIENT,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'sam', PASSWORD: 'Correct-Horse-1' },
    })
    expect(select).toMatchObject({ ChallengeName: 'SELECT_MFA_TYPE' })
    expect(JSON.parse((select['ChallengeParameters'] as Record<string, string>)['MFAS_CAN_CHOOSE']!)).toEqual([
      'SMS_MFA',
      'SOFTWARE_TOKEN_MFA',
    ])
    const totp = await w.call('AdminRespondToAuthChallenge', {
      UserPoolId: POOL,
      ClientId: CLIENT,
      ChallengeName: 'SELECT_MFA_TYPE',
      Session: select['Session'],
      ChallengeResponses: { USERNAME: 'sam', ANSWER: 'SOFTWARE_TOKEN_MFA' },
    })
    expect(totp['ChallengeName']).toBe('SOFTWARE_TOKEN_MFA')
    const done = await w.call('AdminRespondToAuthChallenge', {
      UserPoolId: POOL,
      ClientId: CLIENT,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: totp['Session'],
      ChallengeResponses: { USERNAME: 'sam', SOFTWARE_TOKEN_MFA_CODE: totpCode(SecretCode) },
    })
    expect(done['AuthenticationResult']).toBeDefined()
  })
})

describe('MFA_SETUP', () => {
  it('MFA ON asks a user without a method to set up an authenticator, then signs it in', async () => {
    await setMfa('ON', false)
    const setup = await signIn('jane')
    expect(setup['ChallengeName']).toBe('MFA_SETUP')
    expect(JSON.parse((setup['ChallengeParameters'] as Record<string, string>)['MFAS_CAN_SETUP']!)).toEqual([
      'SOFTWARE_TOKEN_MFA',
    ])
    const associated = (await w.call('AssociateSoftwareToken', { Session: setup['Session'] })) as {
      SecretCode: string
      Session: string
    }
    const verified = await w.call('VerifySoftwareToken', {
      Session: associated.Session,
      UserCode: totpCode(associated.SecretCode),
    })
    expect(verified['Status']).toBe('SUCCESS')
    const done = await w.call('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'MFA_SETUP',
      Session: verified['Session'],
      ChallengeResponses: { USERNAME: 'jane' },
    })
    expect(done).toMatchObject({ ChallengeParameters: {} })
    expect(done['AuthenticationResult']).toBeDefined()
    w.advance(30)
    expect((await signIn('jane'))['ChallengeName']).toBe('SOFTWARE_TOKEN_MFA')
  })

  it('refuses a session that was not an MFA_SETUP one', async () => {
    expect(await w.failure('AssociateSoftwareToken', { Session: 'x'.repeat(40) })).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    })
  })
})
