import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_Account01'
const CLIENT = 'accountclient0000000000000'
const READ_ONLY = 'accountreadonly00000000000'
const NO_REVOKE = 'accountnorevoke00000000000'
const FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const
const w = world({
  userPools: [
    {
      PoolName: 'account',
      Id: POOL,
      AutoVerifiedAttributes: ['email'],
      Schema: [{ Name: 'plan', AttributeDataType: 'String', Mutable: true }],
      Clients: [
        { ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: [...FLOWS] },
        {
          ClientName: 'read-only',
          ClientId: READ_ONLY,
          ExplicitAuthFlows: [...FLOWS],
          ReadAttributes: ['email', 'email_verified'],
          WriteAttributes: ['email'],
        },
        { ClientName: 'no-revoke', ClientId: NO_REVOKE, ExplicitAuthFlows: [...FLOWS], EnableTokenRevocation: false },
      ],
      Users: [
        {
          username: 'jane',
          password: 'Correct-Horse-1',
          attributes: { email: 'jane@example.com', given_name: 'Jane', 'custom:plan': 'free' },
        },
      ],
    },
  ],
})
afterEach(() => w.reset())

const signIn = async (ClientId = CLIENT, PASSWORD = 'Correct-Horse-1') =>
  (
    await w.call('InitiateAuth', {
      ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'jane', PASSWORD },
    })
  )['AuthenticationResult'] as Record<string, string>
const attributesOf = async (AccessToken: string) =>
  Object.fromEntries(
    ((await w.call('GetUser', { AccessToken }))['UserAttributes'] as Array<{ Name: string; Value: string }>).map(
      (a) => [a.Name, a.Value],
    ),
  )

describe('GetUser', () => {
  it('answers the username and attributes, without status or dates', async () => {
    const { AccessToken } = await signIn()
    const got = await w.call('GetUser', { AccessToken })
    expect(got['Username']).toBe('jane')
    expect(got['UserStatus']).toBeUndefined()
    expect(await attributesOf(AccessToken!)).toMatchObject({
      email: 'jane@example.com',
      email_verified: 'true',
      given_name: 'Jane',
      'custom:plan': 'free',
    })
  })

  it('refuses a token that is not an access token from this service', async () => {
    const { IdToken } = await signIn()
    const invalid = { name: 'NotAuthorizedException', message: 'Invalid Access Token' }
    expect(await w.failure('GetUser', { AccessToken: IdToken })).toEqual(invalid)
    expect(await w.failure('GetUser', { AccessToken: 'eyJhbGciOiJub25lIn0.e30.' })).toEqual(invalid)
  })

  it('refuses a token from before reset(), though a reset simulation signs with the same keys', async () => {
    const { AccessToken } = await signIn()
    const before = await w.simulation.jwks(POOL)
    await w.reset()
    expect(await w.simulation.jwks(POOL)).toEqual(before)
    expect(await w.failure('GetUser', { AccessToken })).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    })
  })

  it('refuses an expired access token', async () => {
    const { AccessToken } = await signIn()
    w.advance(3601)
    expect(await w.failure('GetUser', { AccessToken })).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has expired',
    })
  })

  it('refuses the tokens of a disabled or deleted user', async () => {
    const { AccessToken } = await signIn()
    await w.call('AdminDisableUser', { UserPoolId: POOL, Username: 'jane' })
    expect(await w.failure('GetUser', { AccessToken })).toEqual({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
    })
    await w.call('AdminDeleteUser', { UserPoolId: POOL, Username: 'jane' })
    expect(await w.failure('GetUser', { AccessToken })).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    })
  })
})

describe('attributes', () => {
  it('UpdateUserAttributes leaves a new email unverified and sends a code that VerifyUserAttribute takes', async () => {
    const { AccessToken } = await signIn()
    const updated = await w.call('UpdateUserAttributes', {
      AccessToken,
      UserAttributes: [
        { Name: 'email', Value: 'jane@example.org' },
        { Name: 'given_name', Value: 'Janet' },
      ],
    })
    expect(updated['CodeDeliveryDetailsList']).toEqual([
      { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'j***@e***' },
    ])
    expect(await attributesOf(AccessToken!)).toMatchObject({
      email: 'jane@example.org',
      email_verified: 'false',
      given_name: 'Janet',
    })
    const Code = w.simulation.lastCode({ username: 'jane' })!
    expect(
      await w.failure('VerifyUserAttribute', { AccessToken, AttributeName: 'email', Code: Code === '1' ? '2' : '1' }),
    ).toEqual({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' })
    await w.call('VerifyUserAttribute', { AccessToken, AttributeName: 'email', Code })
    expect((await attributesOf(AccessToken!))['email_verified']).toBe('true')
  })

  it('GetUserAttributeVerificationCode sends a fresh code', async () => {
    const { AccessToken } = await signIn()
    const sent = await w.call('GetUserAttributeVerificationCode', { AccessToken, AttributeName: 'email' })
    expect(sent['CodeDeliveryDetails']).toEqual({
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: 'j***@e***',
    })
    expect(w.simulation.messages({ username: 'jane' }).at(-1)).toMatchObject({ kind: 'VerifyUserAttribute' })
  })

  it('a client writes only what it may: never the verified flags, and only its WriteAttributes', async () => {
    const unauthorized = {
      name: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute',
    }
    const web = await signIn()
    expect(
      await w.failure('UpdateUserAttributes', {
        AccessToken: web.AccessToken,
        UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
      }),
    ).toEqual(unauthorized)
    const limited = await signIn(READ_ONLY)
    expect(
      await w.failure('UpdateUserAttributes', {
        AccessToken: limited.AccessToken,
        UserAttributes: [{ Name: 'given_name', Value: 'J' }],
      }),
    ).toEqual(unauthorized)
  })

  it('a client reads only its ReadAttributes, in GetUser and in the ID token', async () => {
    const { AccessToken, IdToken } = await signIn(READ_ONLY)
    expect(Object.keys(await attributesOf(AccessToken!)).sort()).toEqual(['email', 'email_verified', 'sub'])
    const claims = JSON.parse(Buffer.from(IdToken!.split('.')[1]!, 'base64url').toString())
    expect(claims['given_name']).toBeUndefined()
    expect(claims['email']).toBe('jane@example.com')
  })

  it('DeleteUserAttributes removes optional attributes', async () => {
    const { AccessToken } = await signIn()
    await w.call('DeleteUserAttributes', { AccessToken, UserAttributeNames: ['given_name', 'custom:plan'] })
    const attributes = await attributesOf(AccessToken!)
    expect(attributes['given_name']).toBeUndefined()
    expect(attributes['custom:plan']).toBeUndefined()
  })
})

describe('passwords and accounts', () => {
  it('ChangePassword needs the previous password and a new one that fits the policy', async () => {
    const { AccessToken } = await signIn()
    expect(
      await w.failure('ChangePassword', { AccessToken, PreviousPassword: 'Wrong-1', ProposedPassword: 'Next-Horse-1' }),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' })
    expect(
      await w.failure('ChangePassword', {
        AccessToken,
        PreviousPassword: 'Correct-Horse-1',
        ProposedPassword: 'nextpassword',
      }),
    ).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have uppercase characters',
    })
    await w.call('ChangePassword', {
      AccessToken,
      PreviousPassword: 'Correct-Horse-1',
      ProposedPassword: 'Next-Horse-1',
    })
    expect((await signIn(CLIENT, 'Next-Horse-1'))['AccessToken']).toBeDefined()
  })

  it('DeleteUser deletes the signed-in user', async () => {
    const { AccessToken } = await signIn()
    await w.call('DeleteUser', { AccessToken })
    expect(await w.failure('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    })
  })

  it('GetUserAuthFactors lists the factors the user has', async () => {
    const { AccessToken } = await signIn()
    expect(await w.call('GetUserAuthFactors', { AccessToken })).toMatchObject({
      Username: 'jane',
      ConfiguredUserAuthFactors: ['PASSWORD', 'EMAIL_OTP'],
    })
  })
})

describe('signing out', () => {
  it('GlobalSignOut revokes every access and refresh token of the user', async () => {
    const first = await signIn()
    const second = await signIn()
    await w.call('GlobalSignOut', { AccessToken: first.AccessToken })
    expect(await w.failure('GetUser', { AccessToken: second.AccessToken })).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    })
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: second.RefreshToken },
      }),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' })
    expect((await signIn())['AccessToken']).toBeDefined()
  })

  it('AdminUserGlobalSignOut does the same for an administrator', async () => {
    const { AccessToken } = await signIn()
    await w.call('AdminUserGlobalSignOut', { UserPoolId: POOL, Username: 'jane' })
    expect(await w.failure('GetUser', { AccessToken })).toMatchObject({ message: 'Access Token has been revoked' })
  })

  it('RevokeToken revokes one sign-in: its refresh token and the access tokens issued with it', async () => {
    const revoked = await signIn()
    const kept = await signIn()
    await w.call('RevokeToken', { ClientId: CLIENT, Token: revoked.RefreshToken })
    expect(await w.failure('GetUser', { AccessToken: revoked.AccessToken })).toMatchObject({
      message: 'Access Token has been revoked',
    })
    expect((await w.call('GetUser', { AccessToken: kept.AccessToken }))['Username']).toBe('jane')
  })

  it('RevokeToken is refused where the client turned revocation off, or for another client', async () => {
    const tokens = await signIn(NO_REVOKE)
    expect(await w.failure('RevokeToken', { ClientId: NO_REVOKE, Token: tokens.RefreshToken })).toMatchObject({
      name: 'UnsupportedOperationException',
    })
    const web = await signIn()
    expect(await w.failure('RevokeToken', { ClientId: READ_ONLY, Token: web.RefreshToken })).toMatchObject({
      name: 'UnauthorizedException',
    })
  })
})
