import { generateKeyPair, type KeyPair, keyId } from '../../shared/jwt.js'

/** A generated RSA key pair with its key id. */
export interface RingKey extends KeyPair {
  readonly kid: string
}

/** Key pairs made so far in this process, in order: simulations take them instead of making their own. */
const ring: Array<Promise<RingKey>> = []

/** The process's i-th key pair, made (2048-bit RSA, about a quarter of a second) the first time it is asked for. */
function keyAt(index: number): Promise<RingKey> {
  while (ring.length <= index) {
    ring.push(generateKeyPair().then(async (pair) => ({ ...pair, kid: await keyId(pair.publicJwk) })))
  }
  return ring[index]!
}

/**
 * A key pair no key in `inUse` (kids) has: the first such of the process's ring. Chosen for speed: a simulation
 * that is reset or created again reuses the keys an earlier one made, so tests do not pay for RSA key generation
 * each time; within one simulation every pool still signs with keys of its own.
 */
export async function freshKey(inUse: ReadonlySet<string>): Promise<RingKey> {
  for (let i = 0; ; i++) {
    const key = await keyAt(i)
    if (!inUse.has(key.kid)) return key
  }
}

/**
 * Starts making the process's first key pairs (a pool's ID and access keys) without waiting for them: WebCrypto makes
 * them off the main thread, so the first sign-in of a process finds them ready instead of paying for them.
 */
export function prepareKeys(count = 2): void {
  for (let i = 0; i < count; i++) keyAt(i).catch(() => undefined)
}
