import { sha256Bytes } from './crypto.js'
import { bytesToBase64 } from './text.js'

/** An RSA key pair as JSON Web Keys, as the simulation keeps signing keys. */
export interface KeyPair {
  readonly privateJwk: JsonWebKey
  readonly publicJwk: JsonWebKey
}

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const
const subtle = () => globalThis.crypto.subtle

/** Text as base64url without padding. */
export function base64url(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
  return bytesToBase64(bytes).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_')
}

/** base64url text as bytes. */
export function fromBase64url(text: string): Uint8Array {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4)
  const binary = atob(base64)
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

/** A new 2048-bit RSA key pair for RS256 (WebCrypto, in Node and in browsers). */
export async function generateKeyPair(): Promise<KeyPair> {
  const pair = await subtle().generateKey(
    { ...ALGORITHM, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  )
  const privateJwk = await subtle().exportKey('jwk', pair.privateKey)
  const publicJwk = await subtle().exportKey('jwk', pair.publicKey)
  // Kept as imported, so the first token signed with the new key does not import it again (about a millisecond).
  imported.set(`sign:${privateJwk.n}`, Promise.resolve(pair.privateKey))
  imported.set(`verify:${publicJwk.n}`, Promise.resolve(pair.publicKey))
  return { privateJwk, publicJwk }
}

const imported = new Map<string, Promise<CryptoKey>>()

/** A JWK imported for signing or verifying, cached by its modulus and use. */
function importKey(jwk: JsonWebKey, use: 'sign' | 'verify'): Promise<CryptoKey> {
  const id = `${use}:${jwk.n}`
  let key = imported.get(id)
  if (!key) {
    const { kty, n, e, d, p, q, dp, dq, qi } = jwk
    const material = use === 'sign' ? { kty, n, e, d, p, q, dp, dq, qi } : { kty, n, e }
    key = subtle().importKey('jwk', material as JsonWebKey, ALGORITHM, false, [use])
    imported.set(id, key)
  }
  return key
}

/** Imports a key pair for signing and verifying now, ahead of its first token, which then does not wait for it. */
export function preimport(pair: KeyPair): void {
  importKey(pair.privateJwk, 'sign').catch(() => undefined)
  importKey(pair.publicJwk, 'verify').catch(() => undefined)
}

/** A JWT signed with RS256: `{"kid","alg":"RS256"}` as Cognito's header reads (no `typ`), the payload as given. */
export async function signJwt(
  header: Readonly<Record<string, unknown>>,
  payload: Readonly<Record<string, unknown>>,
  privateJwk: JsonWebKey,
): Promise<string> {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`
  const signature = await subtle().sign(ALGORITHM, await importKey(privateJwk, 'sign'), new TextEncoder().encode(input))
  return `${input}.${base64url(new Uint8Array(signature))}`
}

/** A JWT's header and payload, if the text is three base64url parts of JSON objects. */
export function decodeJwt(
  token: string,
):
  | { header: Record<string, unknown>; payload: Record<string, unknown>; signed: string; signature: Uint8Array }
  | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  try {
    const header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64url(parts[0]!))) as unknown
    const payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64url(parts[1]!))) as unknown
    if (!header || typeof header !== 'object' || !payload || typeof payload !== 'object') return undefined
    return {
      header: header as Record<string, unknown>,
      payload: payload as Record<string, unknown>,
      signed: `${parts[0]}.${parts[1]}`,
      signature: fromBase64url(parts[2]!),
    }
  } catch {
    return undefined
  }
}

/** Whether a decoded JWT's RS256 signature is the key's. */
export async function verifyJwt(
  decoded: { signed: string; signature: Uint8Array },
  publicJwk: JsonWebKey,
): Promise<boolean> {
  try {
    return await subtle().verify(
      ALGORITHM,
      await importKey(publicJwk, 'verify'),
      decoded.signature as Uint8Array<ArrayBuffer>,
      new TextEncoder().encode(decoded.signed),
    )
  } catch {
    return false
  }
}

/** A key id as Cognito's read: base64 of 32 bytes, here the SHA-256 of the public modulus. */
export function keyId(publicJwk: JsonWebKey): string {
  return bytesToBase64(sha256Bytes(new TextEncoder().encode(publicJwk.n ?? '')))
}
