import { Amplify } from 'aws-amplify'
import {
  confirmSignIn,
  fetchDevices,
  fetchMFAPreference,
  forgetDevice,
  rememberDevice,
  setUpTOTP,
  signIn,
  signOut,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth'
import { Secret, TOTP } from 'otpauth'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { STRICT } from '../../support/msw.js'

const userPoolId = 'eu-west-1_MfaPool12'
const userPoolClientId = '4example23456789abcdefghij'
const SMS = { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms', ExternalId: 'mfa' }
const { server, cognito } = setupCognitoServer({
  seed: 11,
  fixtures: {
    userPools: [
      {
        PoolName: 'mfa',
        Id: userPoolId,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        SmsConfiguration: SMS,
        DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
        Clients: [
          {
            ClientName: 'web',
            ClientId: userPoolClientId,
            ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
        ],
        Users: [
          { username: 'jane@example.com', password: 'Correct-Horse-1' },
          { username: 'sam@example.com', password: 'Correct-Horse-1', attributes: { phone_number: '+15555550108' } },
        ],
      },
    ],
  },
})
const mfa = (MfaConfiguration: 'ON' | 'OPTIONAL') =>
  cognito.simulation.send('SetUserPoolMfaConfig', {
    UserPoolId: userPoolId,
    MfaConfiguration,
    SoftwareTokenMfaConfiguration: { Enabled: true },
    SmsMfaConfiguration: { SmsConfiguration: SMS },
  })
beforeAll(async () => {
  // Amplify names a new device from `navigator`, which Node has from version 21; without it, it skips ConfirmDevice.
  if (typeof navigator === 'undefined') vi.stubGlobal('navigator', { userAgent: `Node.js/${process.version}` })
  server.listen(STRICT)
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId } } })
  await cognito.ready
  await mfa('OPTIONAL')
})
afterEach(async () => {
  await signOut()
  cognito.reset()
  await cognito.ready
  await mfa('OPTIONAL')
})
afterAll(() => server.close())

/** What an authenticator app would show now for a secret. */
const code = (secret: string, offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offset * 30_000 })

/** Signs jane in, sets up an authenticator through Amplify, prefers it and signs out; returns the secret. */
async function enrolTotp(): Promise<string> {
  await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
  const setup = await setUpTOTP()
  expect(setup.getSetupUri('Example', 'jane@example.com').toString()).toMatch(
    /^otpauth:\/\/totp\/Example:jane@example\.com\?secret=[A-Z2-7]+&issuer=Example$/,
  )
  await verifyTOTPSetup({ code: code(setup.sharedSecret) })
  await updateMFAPreference({ totp: 'PREFERRED' })
  expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' })
  await signOut()
  return setup.sharedSecret
}

describe('Amplify v6 MFA against the simulation', () => {
  it('sets up an authenticator, then signs in with its code', async () => {
    const secret = await enrolTotp()
    const first = await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    expect(first).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } })
    const wrong = await confirmSignIn({ challengeResponse: '000000' }).catch((e: Error) => e)
    expect(wrong).toMatchObject({ name: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' })
    // A wrong answer ends the session, as Cognito's do: sign in again.
    await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    const done = await confirmSignIn({ challengeResponse: code(secret, 1) })
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
  })

  it('asks for an authenticator during sign-in where the pool requires MFA', async () => {
    await mfa('ON')
    const first = await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    expect(first.nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_TOTP_SETUP')
    const { totpSetupDetails } = first.nextStep as { totpSetupDetails: { sharedSecret: string } }
    const done = await confirmSignIn({ challengeResponse: code(totpSetupDetails.sharedSecret) })
    expect(done.isSignedIn).toBe(true)
  })

  it('signs in with a code sent by SMS', async () => {
    await signIn({ username: 'sam@example.com', password: 'Correct-Horse-1' })
    await updateMFAPreference({ sms: 'PREFERRED' })
    await signOut()
    const first = await signIn({ username: 'sam@example.com', password: 'Correct-Horse-1' })
    expect(first).toMatchObject({
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
        codeDeliveryDetails: { deliveryMedium: 'SMS', destination: '+*******0108' },
      },
    })
    const sent = cognito.messages({ destination: '+15555550108' }).at(-1)!
    expect(sent).toMatchObject({ kind: 'Authentication', medium: 'SMS' })
    expect(sent.message).toBe(`Your authentication code is ${sent.code}. `)
    expect((await confirmSignIn({ challengeResponse: sent.code! })).isSignedIn).toBe(true)
    const user = await cognito.simulation.send('AdminGetUser', { UserPoolId: userPoolId, Username: 'sam@example.com' })
    expect(user.UserAttributes).toContainEqual({ Name: 'phone_number_verified', Value: 'true' })
  })

  it('signs in without a password, with a code sent by email (USER_AUTH)', async () => {
    const first = await signIn({
      username: 'jane@example.com',
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' },
    })
    expect(first).toMatchObject({
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'j***@e***' },
      },
    })
    const done = await confirmSignIn({ challengeResponse: cognito.lastCode({ destination: 'jane@example.com' })! })
    expect(done.isSignedIn).toBe(true)
  })

  it('offers the first factors a user has when USER_AUTH names none', async () => {
    const first = await signIn({ username: 'jane@example.com', options: { authFlowType: 'USER_AUTH' } })
    expect(first.nextStep).toMatchObject({
      signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION',
      availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'],
    })
    const password = await confirmSignIn({ challengeResponse: 'PASSWORD_SRP' })
    expect(password.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_PASSWORD')
    expect((await confirmSignIn({ challengeResponse: 'Correct-Horse-1' })).isSignedIn).toBe(true)
  })

  it('remembers a device, which then skips MFA with its own SRP proof', async () => {
    const secret = await enrolTotp()
    await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    await confirmSignIn({ challengeResponse: code(secret, 1) })
    expect(cognito.calls().some((c) => c.operation === 'ConfirmDevice')).toBe(true)
    await rememberDevice()
    const devices = await fetchDevices()
    expect(devices).toHaveLength(1)
    expect(devices[0]!.id).toMatch(/^eu-west-1_[0-9a-f-]{36}$/)
    await signOut()

    const again = await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    expect(again).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
    expect(
      cognito
        .calls()
        .slice(-4)
        .map((c) =>
          c.operation === 'RespondToAuthChallenge' ? (c.input as { ChallengeName: string }).ChallengeName : c.operation,
        ),
    ).toEqual(['InitiateAuth', 'PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER'])

    await forgetDevice()
    await signOut()
    const forgotten = await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    expect(forgotten.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE')
  })
})
