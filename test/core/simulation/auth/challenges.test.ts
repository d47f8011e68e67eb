import { afterEach, describe, expect, it } from 'vitest'
import { srpClient } from '../../../support/srp-client.js'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_Challenge'
const CLIENT = 'challengeclient00000000000'
const HIDING = 'challengehiding00000000000'
const SHORT = 'challengeshortsession00000'
const w = world({
  userPools: [
    {
      PoolName: 'challenges',
      Id: POOL,
      Schema: [{ Name: 'given_name', Required: true }],
      Policies: {
        PasswordPolicy: { MinimumLength: 8, TemporaryPasswordValidityDays: 1 },
        SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] },
      },
      Clients: [
        {
          ClientName: 'web',
          ClientId: CLIENT,
          ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH'],
        },
        {
          ClientName: 'hiding',
          ClientId: HIDING,
          ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH'],
          PreventUserExistenceErrors: 'ENABLED',
        },
        {
          ClientName: 'short',
          ClientId: SHORT,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
          AuthSessionValidity: 5,
        },
      ],
      Users: [
        {
          username: 'jane',
          password: 'Correct-Horse-1',
          attributes: { given_name: 'Jane', email: 'jane@example.com', email_verified: 'true' },
        },
      ],
    },
  ],
})
afterEach(() => w.reset())

const srpStart = (USERNAME: string, ClientId = CLIENT, SRP_A = srpClient(POOL).A) =>
  w.call('InitiateAuth', { ClientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME, SRP_A } })
const verify = (ChallengeResponses: Record<string, string>, ClientId = CLIENT) =>
  w.call('RespondToAuthChallenge', { ClientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses })
const verifyFails = (ChallengeResponses: Record<string, string>, ClientId = CLIENT) =>
  w.failure('RespondToAuthChallenge', { ClientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses })

describe('USER_SRP_AUTH', () => {
  it('answers PASSWORD_VERIFIER with the parameters Cognito documents, and tokens for a valid proof', async () => {
    const challenge = await srpStart('jane')
    expect(challenge['ChallengeName']).toBe('PASSWORD_VERIFIER')
    const parameters = challenge['ChallengeParameters'] as Record<string, string>
    expect(Object.keys(parameters).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP'])
    expect(parameters['USER_ID_FOR_SRP']).toBe('jane')
    const answer = await verify(srpClient(POOL).answer(parameters, 'Correct-Horse-1', w.now()))
    expect(answer['AuthenticationResult']).toBeDefined()
  })

  it('refuses a wrong password at the proof, and the secret block is then spent', async () => {
    const parameters = (await srpStart('jane'))['ChallengeParameters'] as Record<string, string>
    const wrong = srpClient(POOL).answer(parameters, 'Wrong-Horse-1', w.now())
    expect(await verifyFails(wrong)).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
    const right = srpClient(POOL).answer(parameters, 'Correct-Horse-1', w.now())
    expect(await verifyFails(right)).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    })
  })

  it("refuses a TIMESTAMP not in Cognito's form", async () => {
    const parameters = (await srpStart('jane'))['ChallengeParameters'] as Record<string, string>
    const answer = srpClient(POOL).answer(parameters, 'Correct-Horse-1', w.now(), new Date(w.now()).toISOString())
    expect(await verifyFails(answer)).toEqual({
      name: 'InvalidParameterException',
      message: 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.',
    })
  })

  it('a client hiding user existence answers a plausible challenge for an unknown user, the same each time', async () => {
    const first = (await srpStart('nobody', HIDING))['ChallengeParameters'] as Record<string, string>
    const second = (await srpStart('nobody', HIDING))['ChallengeParameters'] as Record<string, string>
    expect(first['SALT']).toBe(second['SALT'])
    expect(first['USER_ID_FOR_SRP']).toBe(second['USER_ID_FOR_SRP'])
    expect(first['USER_ID_FOR_SRP']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(await verifyFails(srpClient(POOL).answer(first, 'Correct-Horse-1', w.now()), HIDING)).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'nobody', SRP_A: srpClient(POOL).A },
      }),
    ).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' })
  })
})

describe('temporary passwords and sessions', () => {
  it('refuses a temporary password once TemporaryPasswordValidityDays have passed', async () => {
    await w.call('AdminCreateUser', {
      UserPoolId: POOL,
      Username: 'new',
      TemporaryPassword: 'Temporary-Pass-1',
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'given_name', Value: 'New' }],
    })
    w.advance(86_400 + 1)
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'new', PASSWORD: 'Temporary-Pass-1' },
      }),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
    })
  })

  it('NEW_PASSWORD_REQUIRED lists the required attributes the user lacks, and wants them', async () => {
    await w.call('AdminCreateUser', {
      UserPoolId: POOL,
      Username: 'bare',
      TemporaryPassword: 'Temporary-Pass-1',
      MessageAction: 'SUPPRESS',
    })
    const challenge = await w.call('InitiateAuth', {
      ClientId: CLIENT,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'bare', PASSWORD: 'Temporary-Pass-1' },
    })
    expect(challenge['ChallengeParameters']).toMatchObject({ requiredAttributes: '["userAttributes.given_name"]' })
    const respond = (extra: Record<string, string>) => ({
      ClientId: CLIENT,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: challenge['Session'],
      ChallengeResponses: { USERNAME: 'bare', NEW_PASSWORD: 'Chosen-Pass-1', ...extra },
    })
    expect(await w.failure('RespondToAuthChallenge', respond({}))).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid attributes given, given_name is missing',
    })
  })

  it("a session lasts the client's AuthSessionValidity minutes", async () => {
    await w.call('AdminCreateUser', {
      UserPoolId: POOL,
      Username: 'new',
      TemporaryPassword: 'Temporary-Pass-1',
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'given_name', Value: 'New' }],
    })
    const start = () =>
      w.call('InitiateAuth', {
        ClientId: SHORT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'new', PASSWORD: 'Temporary-Pass-1' },
      })
    const answer = (Session: unknown) => ({
      ClientId: SHORT,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session,
      ChallengeResponses: { USERNAME: 'new', NEW_PASSWORD: 'Chosen-Pass-1' },
    })
    const late = await start()
    w.advance(5 * 60 + 1)
    expect(await w.failure('RespondToAuthChallenge', answer(late['Session']))).toMatchObject({
      message: 'Invalid session for the user, session is expired.',
    })
    const timely = await start()
    w.advance(5 * 60 - 1)
    expect((await w.call('RespondToAuthChallenge', answer(timely['Session'])))['AuthenticationResult']).toBeDefined()
  })

  it('a session belongs to the client that began it', async () => {
    const challenge = await srpStart('jane')
    const parameters = challenge['ChallengeParameters'] as Record<string, string>
    expect(await verifyFails(srpClient(POOL).answer(parameters, 'Correct-Horse-1', w.now()), HIDING)).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    })
  })
})

describe('USER_AUTH (choice-based sign-in)', () => {
  const start = (parameters: Record<string, string> = {}) =>
    w.call('InitiateAuth', {
      ClientId: CLIENT,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: 'jane', ...parameters },
    })

  it('offers the first factors the pool allows and the user has', async () => {
    const select = await start()
    expect(select).toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      ChallengeParameters: {},
      AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'],
    })
    expect(select['AuthenticationResult']).toBeUndefined()
    const done = await w.call('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'SELECT_CHALLENGE',
      Session: select['Session'],
      ChallengeResponses: { USERNAME: 'jane', ANSWER: 'PASSWORD', PASSWORD: 'Correct-Horse-1' },
    })
    expect(done['AuthenticationResult']).toBeDefined()
  })

  it('offers no one-time code as a first factor where MFA is required (the Developer Guide)', async () => {
    await w.call('SetUserPoolMfaConfig', {
      UserPoolId: POOL,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    })
    expect((await start())['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP'])
  })

  it('answers a user who does not exist, through a hiding client, with plausible challenges that then fail', async () => {
    const ask = (USERNAME: string, extra: Record<string, string> = {}) =>
      w.call('InitiateAuth', {
        ClientId: HIDING,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME, ...extra },
      })
    const select = await ask('nobody')
    expect(select['ChallengeName']).toBe('SELECT_CHALLENGE')
    const offered = select['AvailableChallenges'] as string[]
    // The one-time codes vary by name (chosen: by a hash of it): 'nobody' gets EMAIL_OTP, 'nemo' does not.
    expect(offered).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'])
    expect((await ask('nemo'))['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP'])
    // The same name gets the same choices, as the simulated SRP salt is the same for the same name.
    expect((await ask('nobody'))['AvailableChallenges']).toEqual(offered)
    expect(
      await w.failure('RespondToAuthChallenge', {
        ClientId: HIDING,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: select['Session'],
        ChallengeResponses: { USERNAME: 'nobody', ANSWER: 'PASSWORD', PASSWORD: 'Any-Horse-1' },
      }),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' })
    const code = await ask('nobody', { PREFERRED_CHALLENGE: 'EMAIL_OTP' })
    expect(code).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' },
    })
    expect(
      await w.failure('RespondToAuthChallenge', {
        ClientId: HIDING,
        ChallengeName: 'EMAIL_OTP',
        Session: code['Session'],
        ChallengeResponses: { USERNAME: 'nobody', EMAIL_OTP_CODE: '12345678' },
      }),
    ).toEqual({ name: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' })
    // A client that does not hide users says so.
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: 'nobody' },
      }),
    ).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' })
  })

  it('goes straight to a preferred EMAIL_OTP and signs in with the emailed code', async () => {
    const challenge = await start({ PREFERRED_CHALLENGE: 'EMAIL_OTP' })
    expect(challenge).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'j***@e***' },
    })
    const done = await w.call('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'EMAIL_OTP',
      Session: challenge['Session'],
      ChallengeResponses: { USERNAME: 'jane', EMAIL_OTP_CODE: w.simulation.lastCode({ username: 'jane' })! },
    })
    expect(done['AuthenticationResult']).toBeDefined()
    // Cognito's passwordless sign-in codes are eight digits (amplify-js#14428).
    expect(w.simulation.lastCode({ username: 'jane' })).toMatch(/^\d{8}$/)
  })

  it('refuses a factor that was not offered', async () => {
    const select = await start()
    expect(
      await w.failure('RespondToAuthChallenge', {
        ClientId: CLIENT,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: select['Session'],
        ChallengeResponses: { USERNAME: 'jane', ANSWER: 'SMS_OTP' },
      }),
    ).toMatchObject({ name: 'InvalidParameterException' })
  })
})

describe('flows Cognito refuses', () => {
  it('CUSTOM_AUTH without its triggers', async () => {
    const created = await w.call('CreateUserPoolClient', {
      UserPoolId: POOL,
      ClientName: 'custom',
      ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH'],
    })
    const ClientId = (created['UserPoolClient'] as Record<string, string>)['ClientId']
    expect(
      await w.failure('InitiateAuth', { ClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'jane' } }),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Custom auth lambda trigger is not configured for the user pool.',
    })
  })

  it('USER_PASSWORD_AUTH through AdminInitiateAuth, and a flow without USERNAME', async () => {
    expect(
      await w.failure('AdminInitiateAuth', {
        UserPoolId: POOL,
        ClientId: CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' },
      }),
    ).toEqual({ name: 'InvalidParameterException', message: 'Initiate Auth method not supported.' })
    expect(
      await w.failure('InitiateAuth', {
        ClientId: CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { PASSWORD: 'Correct-Horse-1' },
      }),
    ).toEqual({ name: 'InvalidParameterException', message: 'Missing required parameter USERNAME' })
  })

  it('AdminGetUserAuthFactors lists what a user can sign in with', async () => {
    expect(await w.call('AdminGetUserAuthFactors', { UserPoolId: POOL, Username: 'jane' })).toMatchObject({
      Username: 'jane',
      ConfiguredUserAuthFactors: ['PASSWORD', 'EMAIL_OTP'],
    })
  })
})
