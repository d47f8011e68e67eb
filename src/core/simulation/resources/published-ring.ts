import { preimport } from '../../shared/jwt.js'
import type { RingKey } from './keyring.js'

/**
 * The kids of the published key pairs (resources/published-keys.ts), in their order: known without loading the key
 * material, so a simulation with random secrets can refuse to keep signing with one (a test holds the two together).
 */
export const PUBLISHED_KIDS: ReadonlySet<string> = new Set([
  'D772b2f/toXzklkSjDEJAfi2qPazbA+OnUXEuX90rio=',
  'SpOPSrK/fz9/DxfGmz7FZAj0A3RFIwz41olqOrVPiYs=',
  'I4U27WHhZkGLxOXDZKed6Af95/sFYBNUJRFJsPM1sVg=',
  'jpJE5gjq+Vsq1THrv/c0lsyiGQf7V95T09qn+m+IAUQ=',
  'WKZ99KdXN8h1rLyqX98GYfz9ZJnttburdh6lVDZC7cw=',
  '+a0HcFAK1oCam3310ZQqX6PoQmb3uG5RPbd6+Sa8H2A=',
  'TcwQcyD22M2XBV7LCkPQeAG+F9udVqiZXEt3P3Ba/8M=',
  'KX2ROuzwguX2SxqZoH4v9tDVFX5od6tBjlfakGmlJrA=',
  'GQN9hSNDiyDxUmjoWxp8mjQDu02p4ze/9rpY+gzDE6o=',
  'tdFMfntDwqpba8uHTo23QOiaxSgxSVzYa8zQQvYF8sM=',
  'IHIlzdmV1E/20X/cGEx2e89MTuxaGUjlPGlR+yzIcOE=',
  'BFPVssguvvMRDk8sOxRuQ9AYVXO/fD+olxmJd/Q6rLU=',
  'sNK+nAditXon0l3c5fKwt2wdX9i2+bmNASFow+DN8n4=',
  'sopIg0u96YztfJtwjW9rw3AT/G4l2Y+yEYN/g03Vy+M=',
  'a2b2vbnfIImT9imL0GTy8/J669KIhjknBH/8knv8gJc=',
  'nqo2bQdMS7VgzuUfYW3ZmepgrUYnQ938scIzmh0Bxsw=',
])

let published: Promise<RingKey[]> | undefined

/** The published key pairs with their kids, loaded on first use: bundles never asking for them carry no key material. */
function load(): Promise<RingKey[]> {
  const kids = [...PUBLISHED_KIDS]
  published ??= import('./published-keys.js').then(({ PUBLISHED_KEYS }) =>
    PUBLISHED_KEYS.map((k, i) => ({
      privateJwk: { kty: 'RSA', e: 'AQAB', ...k },
      publicJwk: { kty: 'RSA', n: k.n, e: 'AQAB' },
      kid: kids[i]!,
    })),
  )
  return published
}

/** Starts loading the published keys and importing the first pool's two, so its first sign-in seldom waits. */
export function preparePublishedKeys(): void {
  load()
    .then((keys) => keys.slice(0, 2).forEach(preimport))
    .catch(() => undefined)
}

/**
 * The first published key pair no key in `inUse` has (the same ones in the same order on every machine), for
 * simulations with reproducible secrets; undefined once all 16 are in use, that is from a ninth pool on (chosen: its
 * keys are then random, and its tokens differ from run to run).
 */
export async function publishedKey(inUse: ReadonlySet<string>): Promise<RingKey | undefined> {
  const key = (await load()).find((k) => !inUse.has(k.kid))
  if (key) preimport(key)
  return key
}
