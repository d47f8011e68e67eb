import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_LegacyMfa'
const CLIENT = 'legacymfaclient00000000000'
const PASSWORD = 'Correct-Horse-1'
const SMS = { DeliveryMedium: 'SMS', AttributeName: 'phone_number' }
const w = world({
  userPools: [
    {
      PoolName: 'legacy',
      Id: POOL,
      MfaConfiguration: 'OPTIONAL',
      SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms' },
      Clients: [{ ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }],
      Users: [
        { username: 'jane', password: PASSWORD, attributes: { phone_number: '+15555550100' } },
        { username: 'bare', password: PASSWORD },
      ],
    },
  ],
})
afterEach(() => w.reset())

const signIn = (USERNAME = 'jane') =>
  w.call('InitiateAuth', {
    ClientId: CLIENT,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME, PASSWORD },
  })
/** The members of an answer, without the SDK's $metadata. */
const members = (answer: Record<string, unknown>) => Object.keys(answer).filter((k) => k !== '$metadata')
const mfaList = async (Username = 'jane') =>
  (await w.call('AdminGetUser', { UserPoolId: POOL, Username }))['UserMFASettingList']

describe('AdminSetUserSettings', () => {
  it('turns SMS MFA on with MFAOptions naming SMS to phone_number, and the next sign-in asks for the code', async () => {
    expect(
      members(await w.call('AdminSetUserSettings', { UserPoolId: POOL, Username: 'jane', MFAOptions: [SMS] })),
    ).toEqual([])
    expect(await mfaList()).toEqual(['SMS_MFA'])
    expect((await signIn())['ChallengeName']).toBe('SMS_MFA')
  })

  it('turns it off again with an empty list', async () => {
    await w.call('AdminSetUserSettings', { UserPoolId: POOL, Username: 'jane', MFAOptions: [SMS] })
    await w.call('AdminSetUserSettings', { UserPoolId: POOL, Username: 'jane', MFAOptions: [] })
    expect(await mfaList()).toBeUndefined()
    expect((await signIn())['AuthenticationResult']).toBeDefined()
  })

  it('refuses an attribute other than phone_number with the message Cognito gives, and EMAIL delivery', async () => {
    expect(
      await w.failure('AdminSetUserSettings', {
        UserPoolId: POOL,
        Username: 'jane',
        MFAOptions: [{ DeliveryMedium: 'EMAIL', AttributeName: 'email' }],
      }),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Only phone_number attribute is currently supported as a MFA option.',
    })
    expect(
      await w.failure('AdminSetUserSettings', {
        UserPoolId: POOL,
        Username: 'jane',
        MFAOptions: [{ DeliveryMedium: 'EMAIL', AttributeName: 'phone_number' }],
      }),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Only SMS delivery medium is currently supported as a MFA option.',
    })
  })

  it('refuses SMS MFA for a user without a phone number, as SetUserMFAPreference does', async () => {
    expect(await w.failure('AdminSetUserSettings', { UserPoolId: POOL, Username: 'bare', MFAOptions: [SMS] })).toEqual({
      name: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SMS_MFA',
    })
  })

  it('refuses an unknown user', async () => {
    expect(
      await w.failure('AdminSetUserSettings', { UserPoolId: POOL, Username: 'nobody', MFAOptions: [SMS] }),
    ).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' })
  })
})

describe('SetUserSettings', () => {
  it("turns the signed-in user's SMS MFA on with their access token", async () => {
    const tokens = (await signIn())['AuthenticationResult'] as { AccessToken: string }
    expect(members(await w.call('SetUserSettings', { AccessToken: tokens.AccessToken, MFAOptions: [SMS] }))).toEqual([])
    expect(await mfaList()).toEqual(['SMS_MFA'])
    expect((await w.call('GetUser', { AccessToken: tokens.AccessToken }))['UserMFASettingList']).toEqual(['SMS_MFA'])
  })

  it('refuses a token that is not an access token of the pool', async () => {
    expect((await w.failure('SetUserSettings', { AccessToken: 'abc.def.ghi', MFAOptions: [SMS] })).name).toBe(
      'NotAuthorizedException',
    )
  })
})
