import { Amplify } from 'aws-amplify'
import {
  confirmSignIn,
  confirmUserAttribute,
  deleteUser,
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser,
  signIn,
  signOut,
  updatePassword,
  updateUserAttributes,
} from 'aws-amplify/auth'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { STRICT } from '../../support/msw.js'

const userPoolId = 'eu-west-1_SignIn123'
const userPoolClientId = '2example23456789abcdefghij'
const passwordClientId = '3example23456789abcdefghij'
const { server, cognito } = setupCognitoServer({
  seed: 7,
  fixtures: {
    userPools: [
      {
        PoolName: 'frontend',
        Id: userPoolId,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Clients: [
          { ClientName: 'web', ClientId: userPoolClientId },
          {
            ClientName: 'password',
            ClientId: passwordClientId,
            ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
        ],
        Users: [
          { username: 'jane@example.com', password: 'Correct-Horse-1', attributes: { given_name: 'Jane' } },
          { username: 'new@example.com', password: 'Temporary-Pass-1', status: 'FORCE_CHANGE_PASSWORD' },
        ],
      },
    ],
  },
})
const configure = (clientId = userPoolClientId) =>
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId: clientId } } })
beforeAll(() => {
  server.listen(STRICT)
  configure()
})
afterEach(async () => {
  vi.useRealTimers()
  await signOut()
  configure()
  cognito.reset()
  await cognito.ready
})
afterAll(() => server.close())

describe('Amplify v6 signs in against the simulation', () => {
  it('signs in with SRP (its default flow) and reads the user, the session and the attributes', async () => {
    const result = await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
    expect(cognito.calls().map((c) => c.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge'])

    const user = await getCurrentUser()
    expect(user.username).toBe(user.userId)
    expect(user.signInDetails).toMatchObject({ loginId: 'jane@example.com', authFlowType: 'USER_SRP_AUTH' })

    const session = await fetchAuthSession()
    expect(session.tokens?.idToken?.payload).toMatchObject({
      email: 'jane@example.com',
      email_verified: true,
      given_name: 'Jane',
      'cognito:username': user.userId,
      token_use: 'id',
    })
    expect(session.tokens?.accessToken.payload).toMatchObject({ username: user.userId, token_use: 'access' })

    expect(await fetchUserAttributes()).toMatchObject({
      email: 'jane@example.com',
      email_verified: 'true',
      given_name: 'Jane',
      sub: user.userId,
    })
  })

  it("refuses a wrong password with Cognito's error", async () => {
    const error = await signIn({ username: 'jane@example.com', password: 'Wrong-Horse-1' }).catch((e: Error) => e)
    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' })
  })

  it('signs in with USER_PASSWORD_AUTH where the app client allows it', async () => {
    configure(passwordClientId)
    const result = await signIn({
      username: 'jane@example.com',
      password: 'Correct-Horse-1',
      options: { authFlowType: 'USER_PASSWORD_AUTH' },
    })
    expect(result.isSignedIn).toBe(true)
    expect(cognito.calls().map((c) => c.operation)).toEqual(['InitiateAuth'])
  })

  it('asks a user with a temporary password for a new one, and signs it in', async () => {
    const first = await signIn({ username: 'new@example.com', password: 'Temporary-Pass-1' })
    expect(first).toMatchObject({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: [] },
    })
    const done = await confirmSignIn({ challengeResponse: 'Chosen-Pass-1' })
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
    const user = await cognito.simulation.send('AdminGetUser', { UserPoolId: userPoolId, Username: 'new@example.com' })
    expect(user.UserStatus).toBe('CONFIRMED')
  })

  it('refreshes tokens when they expire, keeping the sign-in', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date() })
    await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    const before = (await fetchAuthSession()).tokens!
    vi.setSystemTime(Date.now() + 3_700_000)
    const after = (await fetchAuthSession()).tokens!
    expect(after.accessToken.toString()).not.toBe(before.accessToken.toString())
    expect(after.accessToken.payload['origin_jti']).toBe(before.accessToken.payload['origin_jti'])
    expect(after.accessToken.payload['exp']).toBeGreaterThan(Date.now() / 1000)
    // Amplify 6.15+ refreshes through GetTokensFromRefreshToken.
    expect(cognito.calls().at(-1)).toMatchObject({
      operation: 'GetTokensFromRefreshToken',
      input: { ClientId: userPoolClientId },
    })
  })

  it('updates attributes, and confirms a new email with the code the pool sent', async () => {
    await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    const updated = await updateUserAttributes({ userAttributes: { given_name: 'Janet' } })
    expect(updated['given_name']).toMatchObject({ isUpdated: true, nextStep: { updateAttributeStep: 'DONE' } })
    expect((await fetchUserAttributes())['given_name']).toBe('Janet')
  })

  it('verifies an email address with confirmUserAttribute', async () => {
    await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    await cognito.simulation.send('AdminUpdateUserAttributes', {
      UserPoolId: userPoolId,
      Username: 'jane@example.com',
      UserAttributes: [{ Name: 'email_verified', Value: 'false' }],
    })
    await cognito.simulation.send('GetUserAttributeVerificationCode', {
      AccessToken: (await fetchAuthSession()).tokens!.accessToken.toString(),
      AttributeName: 'email',
    })
    await confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: cognito.lastCode()! })
    expect((await fetchUserAttributes())['email_verified']).toBe('true')
  })

  it('changes the password', async () => {
    await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    await updatePassword({ oldPassword: 'Correct-Horse-1', newPassword: 'Next-Horse-1' })
    await signOut()
    expect((await signIn({ username: 'jane@example.com', password: 'Next-Horse-1' })).isSignedIn).toBe(true)
  })

  it('signs out everywhere: the old access token is revoked', async () => {
    await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    const token = (await fetchAuthSession()).tokens!.accessToken.toString()
    await signOut({ global: true })
    await expect(cognito.simulation.send('GetUser', { AccessToken: token })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    })
    expect(cognito.calls().at(-1)?.operation).toBe('GlobalSignOut')
  })

  it('signs out on this device by revoking its refresh token', async () => {
    await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    const token = (await fetchAuthSession()).tokens!.accessToken.toString()
    await signOut()
    expect(cognito.calls().at(-1)?.operation).toBe('RevokeToken')
    await expect(cognito.simulation.send('GetUser', { AccessToken: token })).rejects.toMatchObject({
      message: 'Access Token has been revoked',
    })
  })

  it('deletes the signed-in user', async () => {
    await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    await deleteUser()
    const users = await cognito.simulation.send('ListUsers', { UserPoolId: userPoolId })
    expect(users.Users?.map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value)).toEqual(['new@example.com'])
  })
})
