import { afterEach, describe, expect, it } from 'vitest'
import { type Bend, SoftwareAuthenticator } from '../../../support/webauthn.js'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_Passkeys1'
const CLIENT = 'passkeyclient0000000000001'
const OTHER = 'passkeyother00000000000001'
const BARE = 'us-east-1_Passkeys2'
const BARE_CLIENT = 'passkeybare000000000000001'
const RP = 'example.com'
const ORIGIN = 'https://app.example.com'
const FLOWS = ['ALLOW_USER_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const
const w = world({
  userPools: [
    {
      PoolName: 'passkeys',
      Id: POOL,
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
      MfaConfig: { WebAuthnConfiguration: { RelyingPartyId: RP, UserVerification: 'preferred' } },
      Clients: [
        { ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: [...FLOWS] },
        { ClientName: 'other', ClientId: OTHER, ExplicitAuthFlows: [...FLOWS] },
      ],
      Users: [
        { username: 'jane', password: 'Correct-Horse-1', attributes: { email: 'jane@example.com' } },
        { username: 'joe', password: 'Correct-Horse-1' },
      ],
    },
    {
      PoolName: 'bare',
      Id: BARE,
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
      Clients: [{ ClientName: 'web', ClientId: BARE_CLIENT, ExplicitAuthFlows: [...FLOWS] }],
      Users: [{ username: 'jane', password: 'Correct-Horse-1' }],
    },
  ],
})
afterEach(() => w.reset())

async function token(username = 'jane', ClientId = CLIENT): Promise<string> {
  const out = await w.call('InitiateAuth', {
    ClientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: 'Correct-Horse-1' },
  })
  return (out['AuthenticationResult'] as { AccessToken: string }).AccessToken
}

async function options(AccessToken: string): Promise<Record<string, unknown>> {
  return (await w.call('StartWebAuthnRegistration', { AccessToken }))['CredentialCreationOptions'] as Record<
    string,
    unknown
  >
}

/** Registers a passkey of the authenticator for jane (or another user) and returns its id. */
async function register(authenticator: SoftwareAuthenticator, username = 'jane', bend: Bend = {}): Promise<string> {
  const AccessToken = await token(username)
  const Credential = authenticator.create(await options(AccessToken), bend)
  await w.call('CompleteWebAuthnRegistration', { AccessToken, Credential })
  return Credential['id'] as string
}

const passkeys = async (AccessToken: string) =>
  (await w.call('ListWebAuthnCredentials', { AccessToken }))['Credentials'] as Array<Record<string, unknown>>

describe('registering a passkey (Start/CompleteWebAuthnRegistration)', () => {
  it("offers creation options shaped as Cognito's: the pool's relying party, the user by sub, ES256 and RS256", async () => {
    const AccessToken = await token()
    const user = await w.call('GetUser', { AccessToken })
    const sub = (user['UserAttributes'] as Array<{ Name: string; Value: string }>).find((a) => a.Name === 'sub')!.Value
    const created = await options(AccessToken)
    expect(created).toEqual({
      authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: 'preferred' },
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      excludeCredentials: [],
      pubKeyCredParams: [
        { alg: -7, type: 'public-key' },
        { alg: -257, type: 'public-key' },
      ],
      rp: { id: RP, name: RP },
      timeout: 60000,
      user: { displayName: 'jane', id: Buffer.from(sub).toString('base64url'), name: 'jane' },
    })
  })

  it('keeps an ES256 passkey and lists it with its generated name, relying party and transports', async () => {
    const id = await register(new SoftwareAuthenticator({ origin: ORIGIN, attachment: 'cross-platform' }))
    expect(await passkeys(await token())).toEqual([
      {
        CredentialId: id,
        FriendlyCredentialName: 'Roaming passkey',
        RelyingPartyId: RP,
        AuthenticatorAttachment: 'cross-platform',
        AuthenticatorTransports: ['internal'],
        CreatedAt: expect.any(Date),
      },
    ])
    const again = await options(await token())
    expect(again['excludeCredentials']).toEqual([{ id, type: 'public-key' }])
  })

  it('keeps an RS256 passkey with a packed self-attestation, whose signature it checks', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN, alg: -257, attestation: 'packed' })
    await register(authenticator)
    expect(await passkeys(await token())).toHaveLength(1)
  })

  it('refuses a packed attestation whose signature was tampered with', async () => {
    const AccessToken = await token()
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN, attestation: 'packed' })
    const Credential = authenticator.create(await options(AccessToken), { tamper: true })
    expect(await w.failure('CompleteWebAuthnRegistration', { AccessToken, Credential })).toMatchObject({
      name: 'WebAuthnCredentialNotSupportedException',
    })
  })

  it('refuses a key algorithm the options did not offer (EdDSA)', async () => {
    const AccessToken = await token()
    const Credential = new SoftwareAuthenticator({ origin: ORIGIN, alg: -8 }).create(await options(AccessToken))
    expect((await w.failure('CompleteWebAuthnRegistration', { AccessToken, Credential })).name).toBe(
      'WebAuthnCredentialNotSupportedException',
    )
  })

  it('refuses a challenge it did not issue', async () => {
    const AccessToken = await token()
    const Credential = new SoftwareAuthenticator({ origin: ORIGIN }).create(await options(AccessToken), {
      challenge: 'AAAAAAAAAAAAAAAAAAAAAA',
    })
    expect((await w.failure('CompleteWebAuthnRegistration', { AccessToken, Credential })).name).toBe(
      'WebAuthnChallengeNotFoundException',
    )
  })

  it('refuses an expired challenge', async () => {
    const AccessToken = await token()
    const Credential = new SoftwareAuthenticator({ origin: ORIGIN }).create(await options(AccessToken))
    w.advance(301)
    expect((await w.failure('CompleteWebAuthnRegistration', { AccessToken, Credential })).name).toBe(
      'WebAuthnChallengeNotFoundException',
    )
  })

  it('uses a challenge once, even when its registration failed', async () => {
    const AccessToken = await token()
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN })
    const created = await options(AccessToken)
    const wrong = authenticator.create(created, { origin: 'https://evil.example.net' })
    expect((await w.failure('CompleteWebAuthnRegistration', { AccessToken, Credential: wrong })).name).toBe(
      'WebAuthnOriginNotAllowedException',
    )
    const right = authenticator.create(created)
    expect((await w.failure('CompleteWebAuthnRegistration', { AccessToken, Credential: right })).name).toBe(
      'WebAuthnChallengeNotFoundException',
    )
  })

  it("refuses to complete with another client's token than the one that started", async () => {
    const started = await token()
    const Credential = new SoftwareAuthenticator({ origin: ORIGIN }).create(await options(started))
    const AccessToken = await token('jane', OTHER)
    expect((await w.failure('CompleteWebAuthnRegistration', { AccessToken, Credential })).name).toBe(
      'WebAuthnClientMismatchException',
    )
  })

  it('accepts the relying party itself and its subdomains over https, nothing else', async () => {
    for (const origin of ['https://example.com', 'https://a.b.example.com:8443'])
      await register(new SoftwareAuthenticator({ origin }))
    for (const origin of ['http://app.example.com', 'https://example.com.evil.net', 'https://notexample.com']) {
      const AccessToken = await token()
      const Credential = new SoftwareAuthenticator({ origin }).create(await options(AccessToken))
      expect((await w.failure('CompleteWebAuthnRegistration', { AccessToken, Credential })).name).toBe(
        'WebAuthnOriginNotAllowedException',
      )
    }
  })

  it('refuses a passkey created for another relying party', async () => {
    const AccessToken = await token()
    const Credential = new SoftwareAuthenticator({ origin: ORIGIN }).create(await options(AccessToken), {
      rpId: 'app.example.com',
    })
    expect((await w.failure('CompleteWebAuthnRegistration', { AccessToken, Credential })).name).toBe(
      'WebAuthnRelyingPartyMismatchException',
    )
  })

  it('refuses an authenticator without user verification when the pool requires it', async () => {
    await w.call('SetUserPoolMfaConfig', {
      UserPoolId: POOL,
      WebAuthnConfiguration: { RelyingPartyId: RP, UserVerification: 'required' },
    })
    const AccessToken = await token()
    const created = await options(AccessToken)
    expect(created['authenticatorSelection']).toMatchObject({ userVerification: 'required' })
    const Credential = new SoftwareAuthenticator({ origin: ORIGIN, userVerification: false }).create(created)
    expect((await w.failure('CompleteWebAuthnRegistration', { AccessToken, Credential })).name).toBe(
      'WebAuthnCredentialNotSupportedException',
    )
  })

  it('refuses a credential that is not a RegistrationResponseJSON', async () => {
    const AccessToken = await token()
    await options(AccessToken)
    expect(await w.failure('CompleteWebAuthnRegistration', { AccessToken, Credential: { id: 'x' } })).toMatchObject({
      name: 'InvalidParameterException',
    })
  })

  it('stops at 20 passkeys a user', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN })
    const AccessToken = await token()
    for (let i = 0; i < 20; i++) {
      const Credential = authenticator.create(await options(AccessToken))
      await w.call('CompleteWebAuthnRegistration', { AccessToken, Credential })
    }
    expect((await w.failure('StartWebAuthnRegistration', { AccessToken })).name).toBe('LimitExceededException')
    const page = await w.call('ListWebAuthnCredentials', { AccessToken, MaxResults: 15 })
    expect(page['Credentials']).toHaveLength(15)
    const rest = await w.call('ListWebAuthnCredentials', { AccessToken, NextToken: page['NextToken'] })
    expect(rest['Credentials']).toHaveLength(5)
    expect(rest['NextToken']).toBeUndefined()
  })

  it("lists WEB_AUTHN among the user's sign-in factors once a passkey is registered", async () => {
    await register(new SoftwareAuthenticator({ origin: ORIGIN }))
    expect(await w.call('GetUserAuthFactors', { AccessToken: await token() })).toMatchObject({
      ConfiguredUserAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'],
    })
    expect(await w.call('AdminGetUserAuthFactors', { UserPoolId: POOL, Username: 'joe' })).toMatchObject({
      ConfiguredUserAuthFactors: ['PASSWORD'],
    })
  })

  it('deletes a passkey of the user, and answers ResourceNotFoundException for one it does not have', async () => {
    const id = await register(new SoftwareAuthenticator({ origin: ORIGIN }))
    const theirs = await token('joe')
    expect((await w.failure('DeleteWebAuthnCredential', { AccessToken: theirs, CredentialId: id })).name).toBe(
      'ResourceNotFoundException',
    )
    const AccessToken = await token()
    await w.call('DeleteWebAuthnCredential', { AccessToken, CredentialId: id })
    expect(await passkeys(AccessToken)).toEqual([])
  })
})

describe("the pool's passkey settings", () => {
  it('are shown once set, FactorConfiguration SINGLE_FACTOR unless set', async () => {
    expect((await w.call('GetUserPoolMfaConfig', { UserPoolId: BARE }))['WebAuthnConfiguration']).toBeUndefined()
    expect((await w.call('GetUserPoolMfaConfig', { UserPoolId: POOL }))['WebAuthnConfiguration']).toEqual({
      RelyingPartyId: RP,
      UserVerification: 'preferred',
      FactorConfiguration: 'SINGLE_FACTOR',
    })
  })

  it('refuse a relying party id that is not a domain name', async () => {
    for (const RelyingPartyId of ['https://example.com', 'com', '10.0.0.1', 'example.com:443'])
      expect(
        (await w.failure('SetUserPoolMfaConfig', { UserPoolId: POOL, WebAuthnConfiguration: { RelyingPartyId } })).name,
      ).toBe('InvalidParameterException')
  })

  it('need a relying party id or a domain: the prefix domain stands in for a missing id', async () => {
    const AccessToken = await token('jane', BARE_CLIENT)
    expect((await w.failure('StartWebAuthnRegistration', { AccessToken })).name).toBe(
      'WebAuthnConfigurationMissingException',
    )
    await w.call('CreateUserPoolDomain', { UserPoolId: BARE, Domain: 'bare-passkeys' })
    expect((await options(AccessToken))['rp']).toEqual({
      id: 'bare-passkeys.auth.us-east-1.amazoncognito.com',
      name: 'bare-passkeys.auth.us-east-1.amazoncognito.com',
    })
  })

  it('are passkeys off while WEB_AUTHN is not a first factor of the pool', async () => {
    await w.call('UpdateUserPool', {
      UserPoolId: POOL,
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } },
    })
    expect((await w.failure('StartWebAuthnRegistration', { AccessToken: await token() })).name).toBe(
      'WebAuthnNotEnabledException',
    )
  })

  it('are not for the Lite plan', async () => {
    const pool = await w.call('CreateUserPool', { PoolName: 'lite', UserPoolTier: 'LITE' })
    const UserPoolId = (pool['UserPool'] as { Id: string }).Id
    expect(
      await w.failure('SetUserPoolMfaConfig', { UserPoolId, WebAuthnConfiguration: { RelyingPartyId: RP } }),
    ).toEqual({
      name: 'FeatureUnavailableInTierException',
      message: 'The following features need to be disabled for the LITE pricing tier configured: Passwordless Sign-In',
    })
  })
})

describe('signing in with a passkey (USER_AUTH, WEB_AUTHN)', () => {
  const start = (parameters: Record<string, string> = {}, username = 'jane') =>
    w.call('InitiateAuth', {
      ClientId: CLIENT,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: username, ...parameters },
    })
  const answer = (Session: unknown, CREDENTIAL: unknown) =>
    w.call('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'WEB_AUTHN',
      Session,
      ChallengeResponses: { USERNAME: 'jane', CREDENTIAL: JSON.stringify(CREDENTIAL) },
    })
  const refusal = (Session: unknown, CREDENTIAL: unknown) =>
    w.failure('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'WEB_AUTHN',
      Session,
      ChallengeResponses: { USERNAME: 'jane', CREDENTIAL: JSON.stringify(CREDENTIAL) },
    })
  const requestOptions = (challenge: Record<string, unknown>) =>
    JSON.parse((challenge['ChallengeParameters'] as Record<string, string>)['CREDENTIAL_REQUEST_OPTIONS']!) as Record<
      string,
      unknown
    >

  it("asks for the passkey with CREDENTIAL_REQUEST_OPTIONS shaped as Cognito's, and signs in with it", async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN })
    const id = await register(authenticator)
    const challenge = await start({ PREFERRED_CHALLENGE: 'WEB_AUTHN' })
    expect(challenge['ChallengeName']).toBe('WEB_AUTHN')
    const requested = requestOptions(challenge)
    expect(requested).toEqual({
      hints: [],
      attestation: 'none',
      attestationFormats: [],
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      timeout: 180000,
      rpId: RP,
      allowCredentials: [{ id, type: 'public-key' }],
      userVerification: 'preferred',
    })
    const done = await answer(challenge['Session'], authenticator.get(requested))
    expect(done['AuthenticationResult']).toMatchObject({
      AccessToken: expect.any(String),
      RefreshToken: expect.any(String),
    })
  })

  it('offers WEB_AUTHN in SELECT_CHALLENGE to a user with a passkey, and answers ANSWER=WEB_AUTHN with the challenge', async () => {
    expect((await start())['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP'])
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN })
    await register(authenticator)
    const select = await start()
    expect(select['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN'])
    const challenge = await w.call('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'SELECT_CHALLENGE',
      Session: select['Session'],
      ChallengeResponses: { USERNAME: 'jane', ANSWER: 'WEB_AUTHN' },
    })
    expect(challenge['ChallengeName']).toBe('WEB_AUTHN')
    const done = await answer(challenge['Session'], authenticator.get(requestOptions(challenge)))
    expect(done['AuthenticationResult']).toBeDefined()
  })

  it('signs in through AdminInitiateAuth and AdminRespondToAuthChallenge', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN })
    await register(authenticator)
    const challenge = await w.call('AdminInitiateAuth', {
      UserPoolId: POOL,
      ClientId: CLIENT,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: 'jane', PREFERRED_CHALLENGE: 'WEB_AUTHN' },
    })
    const done = await w.call('AdminRespondToAuthChallenge', {
      UserPoolId: POOL,
      ClientId: CLIENT,
      ChallengeName: 'WEB_AUTHN',
      Session: challenge['Session'],
      ChallengeResponses: {
        USERNAME: 'jane',
        CREDENTIAL: JSON.stringify(authenticator.get(requestOptions(challenge))),
      },
    })
    expect(done['AuthenticationResult']).toBeDefined()
  })

  it('refuses a tampered signature, an old counter, another challenge or origin, and uses the session once', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN })
    await register(authenticator)
    const first = await start({ PREFERRED_CHALLENGE: 'WEB_AUTHN' })
    await answer(first['Session'], authenticator.get(requestOptions(first)))
    const bends: Bend[] = [
      { tamper: true },
      { counter: 1 },
      { counter: 0 },
      { challenge: 'AAAAAAAAAAAAAAAAAAAAAA' },
      { origin: 'https://evil.example.net' },
      { rpId: 'other.example' },
    ]
    for (const bend of bends) {
      const challenge = await start({ PREFERRED_CHALLENGE: 'WEB_AUTHN' })
      expect(await refusal(challenge['Session'], authenticator.get(requestOptions(challenge), bend))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Incorrect passkey credential.',
      })
      expect(await refusal(challenge['Session'], authenticator.get(requestOptions(challenge)))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Invalid session for the user.',
      })
    }
  })

  it('refuses a passkey it does not know, and one deleted after the challenge', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN })
    const id = await register(authenticator)
    const stranger = new SoftwareAuthenticator({ origin: ORIGIN })
    const challenge = await start({ PREFERRED_CHALLENGE: 'WEB_AUTHN' })
    stranger.create({ challenge: 'x', rp: { id: RP }, user: { id: 'x' } })
    expect(
      (await refusal(challenge['Session'], stranger.get(requestOptions(challenge), { passkey: stranger.passkeys[0]! })))
        .name,
    ).toBe('NotAuthorizedException')
    const next = await start({ PREFERRED_CHALLENGE: 'WEB_AUTHN' })
    await w.call('DeleteWebAuthnCredential', { AccessToken: await token(), CredentialId: id })
    expect((await refusal(next['Session'], authenticator.get(requestOptions(next)))).name).toBe(
      'NotAuthorizedException',
    )
    expect((await start({ PREFERRED_CHALLENGE: 'WEB_AUTHN' }))['ChallengeName']).toBe('SELECT_CHALLENGE')
  })

  it('refuses an expired challenge as an expired session', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN })
    await register(authenticator)
    const challenge = await start({ PREFERRED_CHALLENGE: 'WEB_AUTHN' })
    w.advance(181)
    expect((await refusal(challenge['Session'], authenticator.get(requestOptions(challenge)))).message).toBe(
      'Invalid session for the user, session is expired.',
    )
  })

  it('requires user verification when the pool does', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN })
    await register(authenticator)
    await w.call('SetUserPoolMfaConfig', {
      UserPoolId: POOL,
      WebAuthnConfiguration: { RelyingPartyId: RP, UserVerification: 'required' },
    })
    const challenge = await start({ PREFERRED_CHALLENGE: 'WEB_AUTHN' })
    expect(requestOptions(challenge)['userVerification']).toBe('required')
    expect(
      (await refusal(challenge['Session'], authenticator.get(requestOptions(challenge), { userVerified: false }))).name,
    ).toBe('NotAuthorizedException')
  })

  it('is not offered where MFA is due, unless a passkey with user verification may be MFA', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN })
    await register(authenticator)
    await w.call('SetUserPoolMfaConfig', {
      UserPoolId: POOL,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    })
    expect((await start())['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP'])
    await w.call('SetUserPoolMfaConfig', {
      UserPoolId: POOL,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      WebAuthnConfiguration: { RelyingPartyId: RP, FactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION' },
    })
    const challenge = await start({ PREFERRED_CHALLENGE: 'WEB_AUTHN' })
    expect(requestOptions(challenge)['userVerification']).toBe('required')
    const done = await answer(challenge['Session'], authenticator.get(requestOptions(challenge)))
    expect(done['ChallengeName']).toBeUndefined()
    expect(done['AuthenticationResult']).toBeDefined()
  })

  it('takes WebAuthnMfaSettings only beside another MFA method', async () => {
    expect(
      await w.failure('AdminSetUserMFAPreference', {
        UserPoolId: POOL,
        Username: 'jane',
        WebAuthnMfaSettings: { Enabled: true },
      }),
    ).toMatchObject({ name: 'InvalidParameterException' })
    await w.call('AdminSetUserMFAPreference', {
      UserPoolId: POOL,
      Username: 'jane',
      EmailMfaSettings: { Enabled: true },
      WebAuthnMfaSettings: { Enabled: true },
    })
  })
})
