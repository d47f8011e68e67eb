import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_Forgot001'
const CLIENT = 'forgotclient00000000000000'
const HIDING = 'forgothiding00000000000000'
const w = world({
  userPools: [
    {
      PoolName: 'forgot',
      Id: POOL,
      AutoVerifiedAttributes: ['email'],
      AccountRecoverySetting: {
        RecoveryMechanisms: [
          { Name: 'verified_email', Priority: 1 },
          { Name: 'verified_phone_number', Priority: 2 },
        ],
      },
      Clients: [
        { ClientName: 'web', ClientId: CLIENT },
        { ClientName: 'hiding', ClientId: HIDING, PreventUserExistenceErrors: 'ENABLED' },
      ],
      Users: [
        {
          username: 'jane',
          password: 'Correct-Horse-1',
          attributes: { email: 'jane@example.com', phone_number: '+12065550100' },
        },
        { username: 'tom', password: 'Correct-Horse-1', attributes: { phone_number: '+12065550199' } },
        {
          username: 'newbie',
          attributes: { email: 'newbie@example.com' },
          status: 'FORCE_CHANGE_PASSWORD',
          password: 'Temporary-Pass-1',
        },
        { username: 'nomail', password: 'Correct-Horse-1' },
      ],
    },
  ],
})
afterEach(() => w.reset())

describe('ForgotPassword', () => {
  it('sends a reset code by the first verified mechanism of the recovery setting', async () => {
    expect((await w.call('ForgotPassword', { ClientId: CLIENT, Username: 'jane' }))['CodeDeliveryDetails']).toEqual({
      Destination: 'j***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    })
    expect((await w.call('ForgotPassword', { ClientId: CLIENT, Username: 'tom' }))['CodeDeliveryDetails']).toEqual({
      Destination: '+*******0199',
      DeliveryMedium: 'SMS',
      AttributeName: 'phone_number',
    })
    const [email, sms] = w.simulation.messages({ kind: 'ForgotPassword' })
    expect(email).toMatchObject({
      subject: 'Your verification code',
      message: `Your password reset code is ${email!.code}`,
    })
    expect(sms).toMatchObject({
      medium: 'SMS',
      destination: '+12065550199',
      message: `Your password reset code is ${sms!.code}`,
    })
  })

  it.each([
    ['newbie', 'NotAuthorizedException', 'User password cannot be reset in the current state.'],
    [
      'nomail',
      'InvalidParameterException',
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    ],
    ['nobody', 'UserNotFoundException', 'Username/client id combination not found.'],
  ])('refuses %s with %s', async (Username, name, message) => {
    expect(await w.failure('ForgotPassword', { ClientId: CLIENT, Username })).toEqual({ name, message })
  })

  it('simulates a delivery for unknown and unverifiable users behind a hiding client, sending nothing', async () => {
    const unknown = await w.call('ForgotPassword', { ClientId: HIDING, Username: 'nobody@example.com' })
    expect(unknown['CodeDeliveryDetails']).toEqual({
      Destination: 'n***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    })
    expect(
      (await w.call('ForgotPassword', { ClientId: HIDING, Username: 'nomail' }))['CodeDeliveryDetails'],
    ).toBeDefined()
    expect(w.simulation.messages()).toEqual([])
  })
})

describe('ConfirmForgotPassword', () => {
  const confirm = (extra: Record<string, unknown> = {}) => ({
    ClientId: CLIENT,
    Username: 'jane',
    ConfirmationCode: w.simulation.lastCode({ kind: 'ForgotPassword' }) ?? '000000',
    Password: 'Battery-Staple-2',
    ...extra,
  })

  it('sets the new password with the code, once', async () => {
    await w.call('ForgotPassword', { ClientId: CLIENT, Username: 'jane' })
    await w.call('ConfirmForgotPassword', confirm())
    expect(await w.failure('ConfirmForgotPassword', confirm())).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    })
  })

  it('refuses a wrong code, a code an hour old, a weak password, and a code never requested', async () => {
    expect(await w.failure('ConfirmForgotPassword', confirm())).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    })
    await w.call('ForgotPassword', { ClientId: CLIENT, Username: 'jane' })
    expect(await w.failure('ConfirmForgotPassword', confirm({ ConfirmationCode: '000000' }))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    })
    expect(await w.failure('ConfirmForgotPassword', confirm({ Password: 'weakpassword' }))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have uppercase characters',
    })
    w.advance(3_601)
    expect((await w.failure('ConfirmForgotPassword', confirm())).name).toBe('ExpiredCodeException')
  })

  it('answers unknown users behind a hiding client with a code mismatch', async () => {
    expect(await w.failure('ConfirmForgotPassword', { ...confirm(), ClientId: HIDING, Username: 'nobody' })).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    })
    expect(await w.failure('ConfirmForgotPassword', { ...confirm(), Username: 'nobody' })).toEqual({
      name: 'UserNotFoundException',
      message: 'Username/client id combination not found.',
    })
  })

  it('brings a RESET_REQUIRED user back to CONFIRMED', async () => {
    await w.call('AdminResetUserPassword', { UserPoolId: POOL, Username: 'jane' })
    await w.call('ConfirmForgotPassword', confirm())
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))['UserStatus']).toBe('CONFIRMED')
  })
})
