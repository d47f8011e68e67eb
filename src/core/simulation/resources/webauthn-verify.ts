import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import { bytesToHex, sha256Bytes } from '../../shared/crypto.js'
import { base64url, fromBase64url } from '../../shared/jwt.js'

// A relying party's checks, done by @simplewebauthn/server. It is loaded the first time a passkey is verified (about
// 300 kB minified, most of it certificate parsing for attestation formats): a simulation that never sees a passkey
// never loads it, and bundlers that split code keep it out of the first chunk.
const library = () => import('@simplewebauthn/server')
const helpers = () => import('@simplewebauthn/server/helpers')

/** A registration ceremony's result as browsers serialize it (WebAuthn's RegistrationResponseJSON). */
export type RegistrationJSON = RegistrationResponseJSON
/** An authentication ceremony's result as browsers serialize it (WebAuthn's AuthenticationResponseJSON). */
export type AuthenticationJSON = AuthenticationResponseJSON

/** What a ceremony's clientDataJSON says. */
export interface ClientData {
  readonly type: string
  readonly challenge: string
  readonly origin: string
}

/** base64url text as bytes on a plain ArrayBuffer, as the library's types take them. */
const bytesOf = (text: string) => new Uint8Array(fromBase64url(text))

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]*={0,2}$/.test(v)

/** A credential's response member, if the credential is shaped as WebAuthn's JSON with these base64url members. */
function responseOf(credential: unknown, members: readonly string[]): Record<string, unknown> | undefined {
  if (!isObject(credential) || credential['type'] !== 'public-key') return undefined
  if (!isText(credential['id']) || !isText(credential['rawId']) || credential['id'] === '') return undefined
  const response = credential['response']
  if (!isObject(response) || !members.every((m) => isText(response[m]))) return undefined
  return response
}

/** The client data of a RegistrationResponseJSON or AuthenticationResponseJSON, if it has readable client data. */
export function clientDataOf(credential: unknown, kind: 'create' | 'get'): ClientData | undefined {
  const response = responseOf(
    credential,
    kind === 'create' ? ['clientDataJSON', 'attestationObject'] : ['clientDataJSON', 'authenticatorData', 'signature'],
  )
  if (!response) return undefined
  try {
    const data = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(fromBase64url(response['clientDataJSON'] as string)),
    )
    if (!isObject(data)) return undefined
    const { type, challenge, origin } = data
    if (typeof type !== 'string' || typeof challenge !== 'string' || typeof origin !== 'string') return undefined
    return { type, challenge, origin }
  } catch {
    return undefined
  }
}

/**
 * Whether the attested authenticator data names this relying party (its rpIdHash is SHA-256 of the id). Undefined
 * when the attestation object cannot be read.
 */
export async function attestedFor(credential: RegistrationResponseJSON, rpId: string): Promise<boolean | undefined> {
  const { decodeAttestationObject, parseAuthenticatorData } = await helpers()
  try {
    const authData = decodeAttestationObject(bytesOf(credential.response.attestationObject)).get('authData')
    const { rpIdHash } = parseAuthenticatorData(authData)
    return bytesToHex(rpIdHash) === bytesToHex(sha256Bytes(new TextEncoder().encode(rpId)))
  } catch {
    return undefined
  }
}

/** A registered passkey as a relying party keeps it. */
export interface VerifiedPasskey {
  readonly id: string
  readonly publicKey: string
  readonly counter: number
  readonly transports: readonly string[]
}

/** What a registration ceremony must have been: its challenge, origin and relying party, and user verification. */
export interface Expected {
  readonly challenge: string
  readonly origin: string
  readonly rpId: string
  readonly requireUserVerification: boolean
}

/** The COSE algorithms the creation options offer: ES256 and RS256. */
export const ALGORITHMS: readonly number[] = [-7, -257]

/**
 * Verifies a registration as a relying party does (challenge, origin, rp id hash, flags, the public key's algorithm,
 * and the attestation statement's signature where the format has one): the passkey to keep, or why not.
 */
export async function verifyRegistration(
  credential: RegistrationResponseJSON,
  expected: Expected,
): Promise<VerifiedPasskey | { readonly refused: string }> {
  const { verifyRegistrationResponse } = await library()
  try {
    const result = await verifyRegistrationResponse({
      response: credential,
      expectedChallenge: expected.challenge,
      expectedOrigin: expected.origin,
      expectedRPID: expected.rpId,
      requireUserVerification: expected.requireUserVerification,
      supportedAlgorithmIDs: [...ALGORITHMS],
    })
    if (!result.verified) return { refused: 'not verified' }
    const { id, publicKey, counter } = result.registrationInfo.credential
    const transports = credential.response.transports ?? []
    return { id, publicKey: base64url(publicKey), counter, transports: transports.filter((t) => typeof t === 'string') }
  } catch (error) {
    return { refused: (error as Error).message }
  }
}

/** A stored passkey, as an assertion is checked against it. */
export interface StoredPasskey {
  readonly id: string
  readonly publicKey: string
  readonly counter: number
}

/**
 * Verifies an assertion as a relying party does (challenge, origin, rp id hash, flags, the signature over the
 * authenticator data and client data with the stored public key, a counter that must grow when the authenticator
 * keeps one): the new counter and whether the user was verified, or why not.
 */
export async function verifyAssertion(
  credential: AuthenticationResponseJSON,
  stored: StoredPasskey,
  expected: Expected,
): Promise<{ readonly counter: number; readonly userVerified: boolean } | { readonly refused: string }> {
  const { verifyAuthenticationResponse } = await library()
  try {
    const result = await verifyAuthenticationResponse({
      response: credential,
      expectedChallenge: expected.challenge,
      expectedOrigin: expected.origin,
      expectedRPID: expected.rpId,
      requireUserVerification: expected.requireUserVerification,
      credential: { id: stored.id, publicKey: bytesOf(stored.publicKey), counter: stored.counter },
    })
    if (!result.verified) return { refused: 'not verified' }
    return { counter: result.authenticationInfo.newCounter, userVerified: result.authenticationInfo.userVerified }
  } catch (error) {
    return { refused: (error as Error).message }
  }
}

/**
 * A public JSON Web Key (EC P-256 for ES256, RSA for RS256) as the COSE key a relying party keeps, base64url: what a
 * fixture's passkey is stored as. The map is encoded with @simplewebauthn's CBOR encoder.
 */
export async function coseOfJwk(jwk: JsonWebKey): Promise<string> {
  const { isoCBOR } = await helpers()
  const bytes = (text: string | undefined, name: string) => {
    if (typeof text !== 'string' || !/^[\w-]+$/.test(text)) throw new TypeError(`the public key has no ${name}`)
    return fromBase64url(text)
  }
  if (jwk.kty === 'EC' && jwk.crv === 'P-256')
    return base64url(
      isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, bytes(jwk.x, 'x')],
          [-3, bytes(jwk.y, 'y')],
        ]),
      ),
    )
  if (jwk.kty === 'RSA')
    return base64url(
      isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 3],
          [3, -257],
          [-1, bytes(jwk.n, 'n')],
          [-2, bytes(jwk.e, 'e')],
        ]),
      ),
    )
  throw new TypeError('the public key is neither an EC P-256 (ES256) nor an RSA (RS256) JSON Web Key')
}
