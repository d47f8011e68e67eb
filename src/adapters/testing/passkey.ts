// A passkey for tests: a key pair made with WebCrypto (in Node and in browsers), its public half as a fixture for
// `seed()`, and its private half answering the WEB_AUTHN challenge as a browser's navigator.credentials.get() would
// (WebAuthn's AuthenticationResponseJSON), so a test never reimplements WebAuthn.
import { concatBytes as concat, sha256Bytes, utf8ToBytes } from '../../core/shared/crypto.js'
import { base64url } from '../../core/shared/jwt.js'
import type { PasskeyFixture } from '../../core/simulation/index.js'

const subtle = () => globalThis.crypto.subtle
const ES256 = { name: 'ECDSA', namedCurve: 'P-256' } as const

/**
 * WebCrypto's ECDSA signature (r and s, 32 bytes each) in the ASN.1 DER form WebAuthn carries: a SEQUENCE of two
 * INTEGERs, each without leading zero bytes and with one added when its top bit is set.
 */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (half: Uint8Array) => {
    let start = 0
    while (start < half.length - 1 && half[start] === 0) start++
    const value = half[start]! & 0x80 ? concat(new Uint8Array([0]), half.slice(start)) : half.slice(start)
    return concat(new Uint8Array([0x02, value.length]), value)
  }
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)))
  return concat(new Uint8Array([0x30, body.length]), body)
}

/** How `answer` signs: the page's origin and whether the user was verified. */
export interface PasskeyAnswerOptions {
  /** The origin of the page that asks; by default `https://<rpId>` (`http://localhost` for the rp id localhost). */
  readonly origin?: string | undefined
  /** Whether the authenticator verified its user (biometrics, PIN); true by default. */
  readonly userVerified?: boolean | undefined
}

/** A passkey a test holds: the fixture to seed and the private key that answers challenges. */
export interface TestPasskey {
  /** For `seed()`: `Users: [{ username, passkeys: [passkey.fixture] }]`. */
  readonly fixture: PasskeyFixture
  /** The credential id, base64url. */
  readonly credentialId: string
  /**
   * The CREDENTIAL of a WEB_AUTHN challenge: give it the challenge's `ChallengeParameters` (or their
   * `CREDENTIAL_REQUEST_OPTIONS`, as text or parsed) and put the result in `ChallengeResponses.CREDENTIAL`. Each
   * answer counts one more signature.
   */
  answer(challenge: unknown, options?: PasskeyAnswerOptions): Promise<string>
}

/** The request options a WEB_AUTHN challenge carries, from its parameters, their JSON text or the options. */
function requestOptions(challenge: unknown): { challenge: string; rpId: string } {
  let value = challenge
  if (value && typeof value === 'object' && 'CREDENTIAL_REQUEST_OPTIONS' in value)
    value = (value as Record<string, unknown>)['CREDENTIAL_REQUEST_OPTIONS']
  if (typeof value === 'string') value = JSON.parse(value)
  const options = value as { challenge?: unknown; rpId?: unknown } | undefined
  if (typeof options?.challenge !== 'string' || typeof options.rpId !== 'string')
    throw new TypeError('createPasskey: answer() needs a WEB_AUTHN challenge (CREDENTIAL_REQUEST_OPTIONS)')
  return { challenge: options.challenge, rpId: options.rpId }
}

/**
 * A new ES256 passkey for tests (WebCrypto: in Node and in browsers). Seed its `fixture` on a user, then answer a
 * `WEB_AUTHN` challenge with `answer()`; the simulation verifies the assertion as for a browser's passkey.
 */
export async function createPasskey(
  options: { readonly relyingPartyId?: string | undefined } = {},
): Promise<TestPasskey> {
  const pair = (await subtle().generateKey(ES256, true, ['sign', 'verify'])) as CryptoKeyPair
  const { kty, crv, x, y } = (await subtle().exportKey('jwk', pair.publicKey)) as Required<JsonWebKey>
  const credentialId = base64url(globalThis.crypto.getRandomValues(new Uint8Array(32)))
  let counter = 0
  return {
    credentialId,
    fixture: {
      credentialId,
      publicKey: { kty, crv, x, y },
      ...(options.relyingPartyId !== undefined && { relyingPartyId: options.relyingPartyId }),
      attachment: 'platform',
    },
    async answer(challenge, answerOptions = {}) {
      const request = requestOptions(challenge)
      counter++
      const flags = 0x01 | (answerOptions.userVerified === false ? 0 : 0x04)
      const count = new Uint8Array(4)
      new DataView(count.buffer).setUint32(0, counter)
      const authenticatorData = concat(sha256Bytes(utf8ToBytes(request.rpId)), new Uint8Array([flags]), count)
      const origin =
        answerOptions.origin ?? (request.rpId === 'localhost' ? 'http://localhost' : `https://${request.rpId}`)
      const clientDataJSON = JSON.stringify({
        type: 'webauthn.get',
        challenge: request.challenge,
        origin,
        crossOrigin: false,
      })
      const signed = concat(authenticatorData, sha256Bytes(utf8ToBytes(clientDataJSON)))
      const raw = new Uint8Array(await subtle().sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, signed))
      return JSON.stringify({
        id: credentialId,
        rawId: credentialId,
        type: 'public-key',
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
        response: {
          clientDataJSON: base64url(clientDataJSON),
          authenticatorData: base64url(authenticatorData),
          signature: base64url(derSignature(raw)),
        },
      })
    },
  }
}
