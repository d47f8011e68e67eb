import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type IAuthenticationCallback,
} from 'amazon-cognito-identity-js'
import { Secret, TOTP } from 'otpauth'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { STRICT } from '../../support/msw.js'

const UserPoolId = 'eu-west-1_Legacy123'
const ClientId = '5example23456789abcdefghij'
const SMS = { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms', ExternalId: 'legacy' }
const { server, cognito } = setupCognitoServer({
  seed: 13,
  fixtures: {
    userPools: [
      {
        PoolName: 'legacy-app',
        Id: UserPoolId,
        SmsConfiguration: SMS,
        Clients: [{ ClientName: 'web', ClientId }],
        Users: [
          { username: 'jane', password: 'Correct-Horse-1', attributes: { email: 'jane@example.com' } },
          { username: 'sam', password: 'Correct-Horse-1', attributes: { phone_number: '+15555550108' } },
          { username: 'new', password: 'Temporary-Pass-1', status: 'FORCE_CHANGE_PASSWORD' },
        ],
      },
    ],
  },
})
const setMfa = (MfaConfiguration: 'ON' | 'OPTIONAL') =>
  cognito.simulation.send('SetUserPoolMfaConfig', {
    UserPoolId,
    MfaConfiguration,
    SoftwareTokenMfaConfiguration: { Enabled: true },
    SmsMfaConfiguration: { SmsConfiguration: SMS },
  })
beforeAll(async () => {
  server.listen(STRICT)
  await cognito.ready
  await setMfa('OPTIONAL')
})
afterEach(async () => {
  cognito.reset()
  await cognito.ready
  await setMfa('OPTIONAL')
})
afterAll(() => server.close())

const pool = new CognitoUserPool({ UserPoolId, ClientId })
/** What authenticateUser ended with: a session, a challenge callback and its arguments, or an error. */
type Outcome = { kind: 'success'; session: CognitoUserSession } | { kind: string; args: unknown[] }

/** Runs authenticateUser (or a challenge answer) and resolves with the callback it ended in. */
function outcome(run: (callbacks: IAuthenticationCallback) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const challenge =
      (kind: string) =>
      (...args: unknown[]) =>
        resolve({ kind, args })
    run({
      onSuccess: (session) => resolve({ kind: 'success', session }),
      onFailure: reject,
      newPasswordRequired: challenge('newPasswordRequired'),
      mfaRequired: challenge('mfaRequired'),
      totpRequired: challenge('totpRequired'),
      mfaSetup: challenge('mfaSetup'),
      selectMFAType: challenge('selectMFAType'),
    })
  })
}
const signIn = (user: CognitoUser, Password = 'Correct-Horse-1') =>
  outcome((callbacks) =>
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password }), callbacks),
  )
const session = (o: Outcome) => {
  if (o.kind !== 'success') throw new Error(`expected a session, got ${o.kind}`)
  return (o as { session: CognitoUserSession }).session
}

describe('amazon-cognito-identity-js signs in against the simulation', () => {
  it('authenticates with its own SRP and holds a valid session', async () => {
    const user = new CognitoUser({ Username: 'jane', Pool: pool })
    const s = session(await signIn(user))
    expect(s.isValid()).toBe(true)
    expect(s.getIdToken().decodePayload()).toMatchObject({ 'cognito:username': 'jane', email: 'jane@example.com' })
    expect(s.getAccessToken().getExpiration() - s.getAccessToken().getIssuedAt()).toBe(3600)
  })

  it('fails a wrong password with the error Cognito gives', async () => {
    const user = new CognitoUser({ Username: 'jane', Pool: pool })
    await expect(signIn(user, 'Wrong-Horse-1')).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
  })

  it('refreshes the session with the refresh token', async () => {
    const user = new CognitoUser({ Username: 'jane', Pool: pool })
    const first = session(await signIn(user))
    const renewed = await new Promise<CognitoUserSession>((resolve, reject) =>
      user.refreshSession(first.getRefreshToken(), (error: Error | null, s: CognitoUserSession) =>
        error ? reject(error) : resolve(s),
      ),
    )
    expect(renewed.getAccessToken().getJwtToken()).not.toBe(first.getAccessToken().getJwtToken())
    expect(renewed.getRefreshToken().getToken()).toBe(first.getRefreshToken().getToken())
  })

  it('completes a new-password challenge', async () => {
    const user = new CognitoUser({ Username: 'new', Pool: pool })
    const challenge = await signIn(user, 'Temporary-Pass-1')
    expect(challenge).toEqual({ kind: 'newPasswordRequired', args: [{}, []] })
    const done = await outcome((callbacks) => user.completeNewPasswordChallenge('Chosen-Pass-1', {}, callbacks))
    expect(session(done).isValid()).toBe(true)
  })

  it('answers SMS MFA through mfaRequired with the code the pool sent', async () => {
    await cognito.simulation.send('AdminSetUserMFAPreference', {
      UserPoolId,
      Username: 'sam',
      SMSMfaSettings: { Enabled: true, PreferredMfa: true },
    })
    const user = new CognitoUser({ Username: 'sam', Pool: pool })
    const challenge = await signIn(user)
    expect(challenge).toEqual({
      kind: 'mfaRequired',
      args: ['SMS_MFA', { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0108' }],
    })
    const done = await outcome((callbacks) => user.sendMFACode(cognito.lastCode({ username: 'sam' })!, callbacks))
    expect(session(done).isValid()).toBe(true)
  })

  it('sets up TOTP in mfaSetup where MFA is required, then answers totpRequired', async () => {
    await setMfa('ON')
    const user = new CognitoUser({ Username: 'jane', Pool: pool })
    expect((await signIn(user)).kind).toBe('mfaSetup')
    const secret = await new Promise<string>((resolve, reject) =>
      user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }),
    )
    const totp = new TOTP({ secret: Secret.fromBase32(secret) })
    const done = await outcome((callbacks) => user.verifySoftwareToken(totp.generate(), 'phone', callbacks))
    expect(session(done).isValid()).toBe(true)

    const again = new CognitoUser({ Username: 'jane', Pool: pool })
    expect(await signIn(again)).toEqual({ kind: 'totpRequired', args: ['SOFTWARE_TOKEN_MFA', {}] })
    const next = totp.generate({ timestamp: Date.now() + 30_000 })
    const signedIn = await outcome((callbacks) => again.sendMFACode(next, callbacks, 'SOFTWARE_TOKEN_MFA'))
    expect(session(signedIn).isValid()).toBe(true)
  })
})
