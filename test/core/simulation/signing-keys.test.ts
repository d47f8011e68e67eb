import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider'
import { CognitoJwtVerifier } from 'aws-jwt-verify'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cognitoRequestHandler } from '../../../src/adapters/sdk/index.js'
import { keyId } from '../../../src/core/shared/jwt.js'
import { createCognito } from '../../../src/core/simulation/cognito.js'
import { makeRingKey, supplyKeys } from '../../../src/core/simulation/resources/keyring.js'
import { PUBLISHED_KEYS } from '../../../src/core/simulation/resources/published-keys.js'
import { PUBLISHED_KIDS as KIDS_WITHOUT_KEYS } from '../../../src/core/simulation/resources/published-ring.js'

const POOL = 'us-east-1_Keys00001'
const OTHER = 'us-east-1_Keys00002'
const WEB = 'keysclient0000000000000001'
const PASSWORD = 'Correct-Horse-1'
const fixtures = {
  userPools: [POOL, OTHER].map((Id, i) => ({
    PoolName: `p${i}`,
    Id,
    Clients: [
      {
        ClientName: 'web',
        ClientId: i === 0 ? WEB : 'keysclient0000000000000002',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH' as const],
      },
    ],
    Users: [{ username: 'jane', password: PASSWORD }],
  })),
}
const PUBLISHED_KIDS = PUBLISHED_KEYS.map((k) => keyId({ n: k.n }))

/** Signs jane in through the SDK against a fresh in-process Cognito; its tokens and both pools' JWKS. */
async function signIn(reproducibleSecrets: boolean) {
  const handler = cognitoRequestHandler({ seed: 3, reproducibleSecrets, fixtures })
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: handler as never,
  })
  const { AuthenticationResult } = await client.send(
    new InitiateAuthCommand({
      ClientId: WEB,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'jane', PASSWORD },
    }),
  )
  return {
    tokens: AuthenticationResult!,
    jwks: (await handler.simulation.jwks(POOL))!,
    other: (await handler.simulation.jwks(OTHER))!,
  }
}

afterEach(() => vi.useRealTimers())

describe('signing keys with reproducible secrets', () => {
  it('are published keys, so the same calls at the same time sign the same tokens, which aws-jwt-verify accepts', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date())
    const [a, b] = [await signIn(true), await signIn(true)]
    expect(a.tokens.IdToken).toBe(b.tokens.IdToken)
    expect(a.tokens.AccessToken).toBe(b.tokens.AccessToken)
    expect(a.jwks).toEqual(b.jwks)
    expect(a.jwks.keys.map((k) => k.kid)).toEqual(PUBLISHED_KIDS.slice(0, 2))
    vi.useRealTimers()
    const verifier = CognitoJwtVerifier.create({ userPoolId: POOL, tokenUse: 'id', clientId: WEB })
    verifier.cacheJwks(a.jwks as never)
    expect((await verifier.verify(a.tokens.IdToken!)).token_use).toBe('id')
  })

  it('are still a pair of its own for each pool', async () => {
    const { jwks, other } = await signIn(true)
    const kids = [...jwks.keys, ...other.keys].map((k) => k.kid)
    expect(new Set(kids).size).toBe(4)
    expect(PUBLISHED_KIDS).toEqual(expect.arrayContaining(kids))
  })
})

describe('published keys', () => {
  it('have the kids the simulation knows them by without loading them', () => {
    expect([...KIDS_WITHOUT_KEYS]).toEqual(PUBLISHED_KIDS)
  })

  it('are replaced, not kept, when a state made with reproducible secrets is restored where secrets are random', async () => {
    const reproducible = createCognito({ reproducibleSecrets: true })
    await reproducible.seed(fixtures)
    expect((await reproducible.jwks(POOL))!.keys.map((k) => k.kid)).toEqual(PUBLISHED_KIDS.slice(0, 2))
    const random = createCognito()
    random.restore(reproducible.snapshot())
    const kids = (await random.jwks(POOL))!.keys.map((k) => k.kid)
    expect(kids).toHaveLength(2)
    for (const kid of kids) expect(PUBLISHED_KIDS).not.toContain(kid)
    expect(JSON.stringify(random.snapshot())).not.toContain(PUBLISHED_KEYS[0]!.d)
    // and tokens are signed with the new keys
    const { AuthenticationResult } = await random.send('InitiateAuth', {
      ClientId: WEB,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'jane', PASSWORD },
    })
    const verifier = CognitoJwtVerifier.create({ userPoolId: POOL, tokenUse: 'access', clientId: WEB })
    verifier.cacheJwks((await random.jwks(POOL)) as never)
    expect((await verifier.verify(AuthenticationResult!.AccessToken!)).token_use).toBe('access')
  })
})

describe('signing keys by default', () => {
  it('come from a CSPRNG, never from the published ones', async () => {
    const { jwks, other } = await signIn(false)
    for (const key of [...jwks.keys, ...other.keys]) expect(PUBLISHED_KIDS).not.toContain(key.kid)
  })

  it('are taken from keys supplied to the process before any the process would make', async () => {
    const supplied = [await makeRingKey(), await makeRingKey()]
    supplyKeys(supplied)
    const cognito = createCognito()
    await cognito.seed({ userPools: [{ PoolName: 'p', Id: POOL }] })
    const jwks = await cognito.jwks(POOL)
    expect(jwks!.keys.map((k) => k.kid)).toEqual(supplied.map((k) => k.kid))
    expect(jwks!.keys[0]!.n).toBe(supplied[0]!.publicJwk.n)
  })
})

describe('supplyKeys', () => {
  const good = makeRingKey()
  const cases: Array<[string, (key: Awaited<typeof good>) => unknown, RegExp]> = [
    ['a non-object', () => 'key', /signing key 1 is not an object/],
    ['a key without its private half', (k) => ({ ...k, privateJwk: undefined }), /needs privateJwk and publicJwk/],
    ['an EC key', (k) => ({ ...k, privateJwk: { ...k.privateJwk, kty: 'EC' } }), /is not an RSA key/],
    [
      'a key without its prime factors',
      (k) => ({ ...k, privateJwk: { ...k.privateJwk, p: undefined } }),
      /has no private p/,
    ],
    [
      "another key's public half",
      (k) => ({ ...k, publicJwk: { ...k.publicJwk, n: `${k.publicJwk.n!.slice(0, -2)}AA` } }),
      /public key that is not its private key's/,
    ],
    ['a kid that is not the modulus digest', (k) => ({ ...k, kid: 'x' }), /kid that is not its modulus digest/],
    [
      "another key's primes",
      (k) => ({ ...k, privateJwk: { ...k.privateJwk, p: k.privateJwk.q, q: k.privateJwk.p } }),
      /private members that do not belong to its modulus/,
    ],
  ]
  it.each(cases)('refuses %s, naming it, and takes none of the keys', async (_name, spoil, message) => {
    const key = await good
    const fresh = await makeRingKey()
    expect(() => supplyKeys([fresh, spoil(key)])).toThrow(message)
    const cognito = createCognito()
    await cognito.seed({ userPools: [{ PoolName: 'p', Id: POOL }] })
    expect((await cognito.jwks(POOL))!.keys.map((k) => k.kid)).not.toContain(fresh.kid)
  })

  it('refuses a key that is not 2048-bit RSA', async () => {
    const key = await good
    const short = { ...key.privateJwk, n: key.privateJwk.n!.slice(0, 171) }
    expect(() =>
      supplyKeys([{ privateJwk: short, publicJwk: { ...key.publicJwk, n: short.n }, kid: keyId(short) }]),
    ).toThrow(/signing key 0 is not 2048-bit RSA/)
  })
})
