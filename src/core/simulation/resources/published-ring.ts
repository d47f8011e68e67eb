import { keyId, preimport } from '../../shared/jwt.js'
import type { RingKey } from './keyring.js'
import { PUBLISHED_KEYS } from './published-keys.js'

let published: RingKey[] | undefined

/** The published key pairs with their kids (computed on first use). */
function load(): RingKey[] {
  published ??= PUBLISHED_KEYS.map((k) => ({
    privateJwk: { kty: 'RSA', e: 'AQAB', ...k },
    publicJwk: { kty: 'RSA', n: k.n, e: 'AQAB' },
    kid: keyId({ n: k.n }),
  }))
  return published
}

/** Starts importing the first pool's two published keys, so its first sign-in finds them ready. */
export function preparePublishedKeys(): void {
  load().slice(0, 2).forEach(preimport)
}

/**
 * The first published key pair no key in `inUse` has (the same ones in the same order on every machine), for
 * simulations with reproducible secrets; undefined once all 16 are in use (chosen: the next keys are then random).
 */
export function publishedKey(inUse: ReadonlySet<string>): RingKey | undefined {
  const key = load().find((k) => !inUse.has(k.kid))
  if (key) preimport(key)
  return key
}
