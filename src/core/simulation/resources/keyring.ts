import { fromBase64url, generateKeyPair, type KeyPair, keyId, preimport } from '../../shared/jwt.js'

/** An RSA signing key pair with its key id: made in this process, supplied from outside, or published. */
export interface RingKey extends KeyPair {
  readonly kid: string
}

/** Key pairs this process holds, in order: simulations take them instead of making their own. */
const ring: Array<Promise<RingKey>> = []

/** A new 2048-bit RSA key pair with its kid (WebCrypto, off the main thread; about a tenth of a second or more). */
export async function makeRingKey(): Promise<RingKey> {
  const pair = await generateKeyPair()
  return { ...pair, kid: keyId(pair.publicJwk) }
}

/** The process's i-th key pair, made the first time it is asked for. */
function keyAt(index: number): Promise<RingKey> {
  while (ring.length <= index) ring.push(makeRingKey())
  return ring[index]!
}

/**
 * A key pair no key in `inUse` (kids) has: the first such of the process's ring. Chosen for speed: a simulation that is
 * reset or created again reuses the keys an earlier one made, so tests do not pay for RSA key generation each time;
 * within one simulation every pool still signs with keys of its own. None are made ahead beyond `prepareKeys`: spare
 * keys made in the background slowed the sign-ins they ran beside (2 cores) and cost every test file CPU it mostly
 * never used.
 */
export async function freshKey(inUse: ReadonlySet<string>): Promise<RingKey> {
  for (let i = 0; ; i++) {
    const key = await keyAt(i)
    if (!inUse.has(key.kid)) return key
  }
}

/**
 * Starts making the process's first key pairs (a pool's ID and access keys) without waiting for them: WebCrypto makes
 * them off the main thread, so a sign-in that comes later than their making finds them ready.
 */
export function prepareKeys(count = 2): void {
  for (let i = 0; i < count; i++) keyAt(i).catch(() => undefined)
}

const BASE64URL = /^[A-Za-z0-9_-]+$/
const PRIVATE_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const

/** A base64url big-endian unsigned integer as a BigInt. */
function integer(text: string): bigint {
  const bytes = fromBase64url(text)
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  return value
}

/**
 * Whether an RSA private JWK's members agree (RFC 7518 §6.3.2): n = p·q, and the CRT members are d's and q's inverse,
 * checked with integer arithmetic only, so a key that would sign tokens no verifier accepts is refused when supplied.
 */
function consistent(jwk: Record<(typeof PRIVATE_MEMBERS)[number], string>): boolean {
  const [n, e, d, p, q, dp, dq, qi] = PRIVATE_MEMBERS.map((m) => integer(jwk[m]))
  return (
    p! * q! === n! &&
    dp === d! % (p! - 1n) &&
    dq === d! % (q! - 1n) &&
    (e! * dp!) % (p! - 1n) === 1n &&
    (e! * dq!) % (q! - 1n) === 1n &&
    (qi! * q!) % p! === 1n
  )
}

/** The key pair a caller handed over, checked: RSA JWKs with every private member, a 2048-bit modulus, the kid of it. */
function checkedKey(value: unknown, index: number): RingKey {
  const fail = (what: string): never => {
    throw new TypeError(`cognito-idp-contract: signing key ${index} ${what}`)
  }
  if (!value || typeof value !== 'object') return fail('is not an object')
  const { privateJwk, publicJwk, kid } = value as Record<string, unknown>
  if (!privateJwk || typeof privateJwk !== 'object' || !publicJwk || typeof publicJwk !== 'object')
    return fail('needs privateJwk and publicJwk')
  const priv = privateJwk as Record<string, unknown>
  const pub = publicJwk as Record<string, unknown>
  if (priv.kty !== 'RSA' || pub.kty !== 'RSA') fail('is not an RSA key')
  for (const member of PRIVATE_MEMBERS)
    if (typeof priv[member] !== 'string' || !BASE64URL.test(priv[member] as string)) fail(`has no private ${member}`)
  if (pub.n !== priv.n || pub.e !== priv.e) fail("has a public key that is not its private key's")
  // 2048 bits are 256 bytes, 342 base64url characters without padding.
  if ((priv.n as string).length !== 342) fail('is not 2048-bit RSA')
  if (kid !== keyId({ n: priv.n as string })) fail('has a kid that is not its modulus digest')
  if (!consistent(priv as Record<(typeof PRIVATE_MEMBERS)[number], string>))
    fail('has private members that do not belong to its modulus')
  return {
    privateJwk: Object.fromEntries([['kty', 'RSA'], ...PRIVATE_MEMBERS.map((m) => [m, priv[m]])]) as JsonWebKey,
    publicJwk: { kty: 'RSA', n: priv.n as string, e: priv.e as string },
    kid: kid as string,
  }
}

/** Kids of the keys supplied so far: a setup file run again for each test file (`isolate: false`) adds none twice. */
const supplied = new Set<string>()

/**
 * Hands the process key pairs made elsewhere (a Vitest global setup makes them once per run, see
 * `cognito-idp-contract/testing/vitest-setup`): simulations take them before any they would make. Throws a TypeError
 * naming the first malformed one, taking none.
 */
export function supplyKeys(keys: readonly unknown[]): void {
  const checked = keys.map(checkedKey).filter((key) => !supplied.has(key.kid))
  for (const key of checked) {
    supplied.add(key.kid)
    preimport(key)
  }
  ring.unshift(...checked.map((key) => Promise.resolve(key)))
}
