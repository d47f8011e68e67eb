import { afterEach, describe, expect, it } from 'vitest'
import { secretHash } from '../../../../src/core/shared/crypto.js'
import { decodeJwt } from '../../../../src/core/shared/jwt.js'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_Password1'
const CLIENT = 'passwordclient00000000000a'
const SRP_ONLY = 'passwordsrponly0000000000a'
const HIDING = 'passwordhiding00000000000a'
const SECRET_CLIENT = 'passwordsecret00000000000a'
const SECRET = 's'.repeat(52)
const FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const
const w = world({
  userPools: [
    {
      PoolName: 'password',
      Id: POOL,
      AutoVerifiedAttributes: ['email'],
      Clients: [
        { ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: [...FLOWS] },
        { ClientName: 'srp', ClientId: SRP_ONLY },
        {
          ClientName: 'hiding',
          ClientId: HIDING,
          ExplicitAuthFlows: [...FLOWS],
          PreventUserExistenceErrors: 'ENABLED',
        },
        { ClientName: 'server', ClientId: SECRET_CLIENT, ClientSecret: SECRET, ExplicitAuthFlows: [...FLOWS] },
      ],
      Users: [
        { username: 'jane', password: 'Correct-Horse-1', attributes: { email: 'jane@example.com' } },
        { username: 'off', password: 'Correct-Horse-1', enabled: false },
        { username: 'new', password: 'Temporary-Pass-1', status: 'FORCE_CHANGE_PASSWORD' },
        { username: 'reset', password: 'Correct-Horse-1', status: 'RESET_REQUIRED' },
      ],
    },
  ],
})
afterEach(() => w.reset())

const signIn = (Username: string, Password: string, ClientId = CLIENT) =>
  w.call('InitiateAuth', {
    ClientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: Username, PASSWORD: Password },
  })
const refused = (Username: string, Password: string, ClientId = CLIENT) =>
  w.failure('InitiateAuth', {
    ClientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: Username, PASSWORD: Password },
  })
const tokensOf = (answer: Record<string, unknown>) => answer['AuthenticationResult'] as Record<string, string>

describe('USER_PASSWORD_AUTH', () => {
  it('answers ID, access and refresh tokens that last an hour, with empty ChallengeParameters', async () => {
    const answer = await signIn('jane', 'Correct-Horse-1')
    expect(answer['ChallengeParameters']).toEqual({})
    expect(answer['Session']).toBeUndefined()
    const tokens = tokensOf(answer)
    expect(tokens).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' })
    expect(Object.keys(tokens).sort()).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'RefreshToken', 'TokenType'])
  })

  it('signs in by an alias-free username only, case-sensitively by default', async () => {
    expect(await refused('Jane', 'Correct-Horse-1')).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    })
  })

  it("refuses a wrong password with Cognito's message", async () => {
    expect(await refused('jane', 'Wrong-Horse-1')).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
  })

  it('refuses users by state before it checks their password', async () => {
    expect(await refused('off', 'anything')).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' })
    expect(await refused('reset', 'anything')).toEqual({
      name: 'PasswordResetRequiredException',
      message: 'Password reset required for the user',
    })
    await w.call('SignUp', { ClientId: CLIENT, Username: 'pending', Password: 'Correct-Horse-1' })
    expect(await refused('pending', 'anything')).toEqual({
      name: 'UserNotConfirmedException',
      message: 'User is not confirmed.',
    })
  })

  it('a client that prevents user existence errors says the same for unknown and reset users', async () => {
    const wrong = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' }
    expect(await refused('nobody', 'Correct-Horse-1', HIDING)).toEqual(wrong)
    expect(await refused('reset', 'Correct-Horse-1', HIDING)).toEqual(wrong)
    expect(await refused('jane', 'Wrong-Horse-1', HIDING)).toEqual(wrong)
  })

  it('is refused by a client that does not allow it', async () => {
    expect(await refused('jane', 'Correct-Horse-1', SRP_ONLY)).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    })
  })

  it('needs SECRET_HASH from a client with a secret', async () => {
    expect(await refused('jane', 'Correct-Horse-1', SECRET_CLIENT)).toEqual({
      name: 'NotAuthorizedException',
      message: `Client ${SECRET_CLIENT} is configured with secret but SECRET_HASH was not received`,
    })
    const answer = await w.call('InitiateAuth', {
      ClientId: SECRET_CLIENT,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: {
        USERNAME: 'jane',
        PASSWORD: 'Correct-Horse-1',
        SECRET_HASH: secretHash(SECRET, `jane${SECRET_CLIENT}`),
      },
    })
    expect(tokensOf(answer)['AccessToken']).toBeDefined()
  })

  it('asks a user with a temporary password for a new one, then signs it in', async () => {
    const answer = await signIn('new', 'Temporary-Pass-1')
    expect(answer['ChallengeName']).toBe('NEW_PASSWORD_REQUIRED')
    expect(answer['ChallengeParameters']).toEqual({
      USER_ID_FOR_SRP: 'new',
      requiredAttributes: '[]',
      userAttributes: '{}',
    })
    const respond = (NEW_PASSWORD: string, Session = answer['Session']) =>
      w.call('RespondToAuthChallenge', {
        ClientId: CLIENT,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session,
        ChallengeResponses: { USERNAME: 'new', NEW_PASSWORD },
      })
    expect(
      await w.failure('RespondToAuthChallenge', {
        ClientId: CLIENT,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: answer['Session'],
        ChallengeResponses: { USERNAME: 'new', NEW_PASSWORD: 'short' },
      }),
    ).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    })
    const tokens = tokensOf(await respond('Chosen-Pass-1'))
    expect(tokens['RefreshToken']).toBeDefined()
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'new' }))['UserStatus']).toBe('CONFIRMED')
    expect(tokensOf(await signIn('new', 'Chosen-Pass-1'))['AccessToken']).toBeDefined()
  })

  it('refuses a session used twice or after its three minutes', async () => {
    const first = await signIn('new', 'Temporary-Pass-1')
    w.advance(181)
    expect(
      await w.failure('RespondToAuthChallenge', {
        ClientId: CLIENT,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first['Session'],
        ChallengeResponses: { USERNAME: 'new', NEW_PASSWORD: 'Chosen-Pass-1' },
      }),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' })
    const second = await signIn('new', 'Temporary-Pass-1')
    const answer = {
      ClientId: CLIENT,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: second['Session'],
      ChallengeResponses: { USERNAME: 'new', NEW_PASSWORD: 'Chosen-Pass-1' },
    }
    await w.call('RespondToAuthChallenge', answer)
    expect(await w.failure('RespondToAuthChallenge', answer)).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    })
  })

  it('locks a user out after five wrong passwords in a row, for a time that doubles', async () => {
    for (let i = 0; i < 5; i++) await refused('jane', 'Wrong-Horse-1')
    const locked = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' }
    expect(await refused('jane', 'Correct-Horse-1')).toEqual(locked)
    w.advance(2)
    expect(await refused('jane', 'Wrong-Horse-1')).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
    w.advance(1)
    expect(await refused('jane', 'Correct-Horse-1')).toEqual(locked)
    w.advance(2)
    expect(tokensOf(await signIn('jane', 'Correct-Horse-1'))['AccessToken']).toBeDefined()
    await refused('jane', 'Wrong-Horse-1')
    expect(tokensOf(await signIn('jane', 'Correct-Horse-1'))['AccessToken']).toBeDefined()
  })
})

describe('ADMIN_USER_PASSWORD_AUTH', () => {
  it('signs in through AdminInitiateAuth, and only there', async () => {
    const answer = await w.call('AdminInitiateAuth', {
      UserPoolId: POOL,
      ClientId: CLIENT,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' },
    })
    expect(tokensOf(answer)['IdToken']).toBeDefined()
    const legacy = await w.call('AdminInitiateAuth', {
      UserPoolId: POOL,
      ClientId: CLIENT,
      AuthFlow: 'ADMIN_NO_SRP_AUTH',
      AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' },
    })
    expect(tokensOf(legacy)['IdToken']).toBeDefined()
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' },
      }),
    ).toEqual({ name: 'InvalidParameterException', message: 'Initiate Auth method not supported.' })
    expect(
      await w.failure('AdminInitiateAuth', {
        UserPoolId: POOL,
        ClientId: SRP_ONLY,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' },
      }),
    ).toEqual({ name: 'InvalidParameterException', message: 'Auth flow not enabled for this client' })
  })

  it('tells a client that belongs to another pool or does not exist', async () => {
    expect(
      await w.failure('AdminInitiateAuth', {
        UserPoolId: POOL,
        ClientId: 'nosuchclient00000000000000',
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' },
      }),
    ).toMatchObject({ name: 'ResourceNotFoundException' })
  })
})

describe('tokens', () => {
  it("carry Cognito's claims: ID token with attributes and aud, access token with scope and client_id", async () => {
    const tokens = tokensOf(await signIn('jane', 'Correct-Horse-1'))
    const id = decodeJwt(tokens['IdToken']!)!
    const access = decodeJwt(tokens['AccessToken']!)!
    const sub = (await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))['UserAttributes'] as Array<{
      Name: string
      Value: string
    }>
    const iss = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`
    expect(id.header).toMatchObject({ alg: 'RS256' })
    expect(id.payload).toMatchObject({
      sub: sub.find((a) => a.Name === 'sub')!.Value,
      iss,
      aud: CLIENT,
      token_use: 'id',
      'cognito:username': 'jane',
      email: 'jane@example.com',
      email_verified: true,
    })
    expect(access.payload).toMatchObject({
      iss,
      client_id: CLIENT,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: 'jane',
    })
    expect(access.payload['aud']).toBeUndefined()
    expect(access.payload['email']).toBeUndefined()
    expect(id.payload['origin_jti']).toBe(access.payload['origin_jti'])
    expect(id.payload['jti']).not.toBe(access.payload['jti'])
    expect(id.header['kid']).not.toBe(access.header['kid'])
    expect((access.payload['exp'] as number) - (access.payload['iat'] as number)).toBe(3600)
  })

  it('list the groups a user belongs to', async () => {
    await w.call('CreateGroup', { UserPoolId: POOL, GroupName: 'admins' })
    await w.call('AdminAddUserToGroup', { UserPoolId: POOL, Username: 'jane', GroupName: 'admins' })
    const tokens = tokensOf(await signIn('jane', 'Correct-Horse-1'))
    expect(decodeJwt(tokens['AccessToken']!)!.payload['cognito:groups']).toEqual(['admins'])
    expect(decodeJwt(tokens['IdToken']!)!.payload['cognito:groups']).toEqual(['admins'])
  })

  it('follow the lifetimes an app client sets', async () => {
    const client = await w.call('CreateUserPoolClient', {
      UserPoolId: POOL,
      ClientName: 'short',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AccessTokenValidity: 5,
      IdTokenValidity: 10,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes' },
    })
    const id = (client['UserPoolClient'] as Record<string, string>)['ClientId']!
    const tokens = tokensOf(await signIn('jane', 'Correct-Horse-1', id))
    expect(tokens['ExpiresIn']).toBe(300)
    const idToken = decodeJwt(tokens['IdToken']!)!.payload
    expect((idToken['exp'] as number) - (idToken['iat'] as number)).toBe(600)
  })
})

describe('refresh', () => {
  it('REFRESH_TOKEN_AUTH answers new ID and access tokens of the same sign-in, without a refresh token', async () => {
    const first = tokensOf(await signIn('jane', 'Correct-Horse-1'))
    w.advance(600)
    const answer = await w.call('InitiateAuth', {
      ClientId: CLIENT,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: first['RefreshToken'] },
    })
    const renewed = tokensOf(answer)
    expect(renewed['RefreshToken']).toBeUndefined()
    const before = decodeJwt(first['AccessToken']!)!.payload
    const after = decodeJwt(renewed['AccessToken']!)!.payload
    expect(after['origin_jti']).toBe(before['origin_jti'])
    expect(after['auth_time']).toBe(before['auth_time'])
    expect(after['iat']).toBe((before['iat'] as number) + 600)
    expect(after['jti']).not.toBe(before['jti'])
  })

  it('with a secret, hashes the username Cognito keeps', async () => {
    const tokens = tokensOf(
      await w.call('InitiateAuth', {
        ClientId: SECRET_CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: {
          USERNAME: 'jane',
          PASSWORD: 'Correct-Horse-1',
          SECRET_HASH: secretHash(SECRET, `jane${SECRET_CLIENT}`),
        },
      }),
    )
    const renewed = await w.call('InitiateAuth', {
      ClientId: SECRET_CLIENT,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: {
        REFRESH_TOKEN: tokens['RefreshToken'],
        SECRET_HASH: secretHash(SECRET, `jane${SECRET_CLIENT}`),
      },
    })
    expect(tokensOf(renewed)['AccessToken']).toBeDefined()
  })

  it('refuses tokens it did not issue, issued to another client, or expired', async () => {
    const tokens = tokensOf(await signIn('jane', 'Correct-Horse-1'))
    const invalid = { name: 'NotAuthorizedException', message: 'Invalid Refresh Token.' }
    const refresh = (REFRESH_TOKEN: string, ClientId = CLIENT) =>
      w.failure('InitiateAuth', { ClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN } })
    expect(await refresh('not-a-token')).toEqual(invalid)
    expect(await refresh(tokens['RefreshToken']!, HIDING)).toEqual(invalid)
    w.advance(30 * 86_400 + 1)
    expect(await refresh(tokens['RefreshToken']!)).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has expired',
    })
  })

  it('GetTokensFromRefreshToken rotates refresh tokens where the client turns rotation on', async () => {
    const created = await w.call('CreateUserPoolClient', {
      UserPoolId: POOL,
      ClientName: 'rotating',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    })
    const id = (created['UserPoolClient'] as Record<string, string>)['ClientId']!
    const first = tokensOf(await signIn('jane', 'Correct-Horse-1', id))
    const second = tokensOf(
      await w.call('GetTokensFromRefreshToken', { ClientId: id, RefreshToken: first['RefreshToken'] }),
    )
    expect(second['RefreshToken']).toBeDefined()
    expect(second['RefreshToken']).not.toBe(first['RefreshToken'])
    w.advance(5)
    await w.call('GetTokensFromRefreshToken', { ClientId: id, RefreshToken: first['RefreshToken'] })
    w.advance(6)
    expect(
      await w.failure('GetTokensFromRefreshToken', { ClientId: id, RefreshToken: first['RefreshToken'] }),
    ).toMatchObject({ name: 'RefreshTokenReuseException' })
    await w.call('GetTokensFromRefreshToken', { ClientId: id, RefreshToken: second['RefreshToken'] })
    // "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation enabled." (AWS)
    expect(
      await w.failure('InitiateAuth', {
        ClientId: id,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: second['RefreshToken'] },
      }),
    ).toMatchObject({ name: 'InvalidParameterException' })
  })
})
