// A software passkey authenticator for tests that run without a browser: node:crypto makes and uses the keys, and
// @simplewebauthn/server's CBOR encoder writes the attestation objects. It answers creation and request options as a
// browser's navigator.credentials would, in WebAuthn's JSON (RegistrationResponseJSON, AuthenticationResponseJSON), and
// lets a test bend any part of a ceremony (origin, relying party, challenge, flags, counter, signature).
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto'
import { isoCBOR } from '@simplewebauthn/server/helpers'

/** CBOR of the test's own maps (the library types its values narrower than `unknown`). */
const encodeCbor = (value: unknown): Uint8Array => isoCBOR.encode(value as Parameters<typeof isoCBOR.encode>[0])

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url')
const sha256 = (data: Uint8Array | string) => new Uint8Array(createHash('sha256').update(data).digest())
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts))

/** The COSE algorithms a software passkey can use: ES256, RS256 and EdDSA (which Cognito does not offer). */
export type Algorithm = -7 | -257 | -8

/** A passkey the authenticator holds. */
export interface SoftwarePasskey {
  readonly id: string
  readonly rpId: string
  readonly userHandle: string
  readonly alg: Algorithm
  readonly privateKey: KeyObject
  counter: number
}

/** How a ceremony is bent, for the failures a test wants to see. */
export interface Bend {
  readonly origin?: string
  /** The relying party id hashed into the authenticator data (another one than the options name). */
  readonly rpId?: string
  readonly challenge?: string
  readonly type?: string
  /** Whether the user was verified (default: the authenticator's own setting). */
  readonly userVerified?: boolean
  /** The counter to report (default: one more than the last). */
  readonly counter?: number
  /** Flips a byte of the signature (the assertion's, or a packed attestation's). */
  readonly tamper?: boolean
  /** Answers with this passkey instead of one the options allow. */
  readonly passkey?: SoftwarePasskey
  readonly attachment?: string
}

/** What the authenticator is: its origin, key algorithm, attestation format and whether it verifies its user. */
export interface AuthenticatorOptions {
  readonly origin: string
  readonly alg?: Algorithm
  readonly attestation?: 'none' | 'packed'
  readonly userVerification?: boolean
  readonly attachment?: 'platform' | 'cross-platform'
}

function keyPair(alg: Algorithm): { privateKey: KeyObject; cose: Map<number, unknown> } {
  if (alg === -7) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const jwk = publicKey.export({ format: 'jwk' })
    const cose = new Map<number, unknown>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ])
    return { privateKey, cose }
  }
  if (alg === -257) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const jwk = publicKey.export({ format: 'jwk' })
    const cose = new Map<number, unknown>([
      [1, 3],
      [3, -257],
      [-1, Buffer.from(jwk.n!, 'base64url')],
      [-2, Buffer.from(jwk.e!, 'base64url')],
    ])
    return { privateKey, cose }
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const jwk = publicKey.export({ format: 'jwk' })
  const cose = new Map<number, unknown>([
    [1, 1],
    [3, -8],
    [-1, 6],
    [-2, Buffer.from(jwk.x!, 'base64url')],
  ])
  return { privateKey, cose }
}

function signWith(passkey: { alg: Algorithm; privateKey: KeyObject }, data: Uint8Array): Uint8Array {
  return new Uint8Array(sign(passkey.alg === -8 ? null : 'sha256', data, passkey.privateKey))
}

function flip(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes)
  copy[copy.length - 1] = copy[copy.length - 1]! ^ 0xff
  return copy
}

function counterBytes(n: number): Uint8Array {
  const out = new Uint8Array(4)
  new DataView(out.buffer).setUint32(0, n)
  return out
}

/** Creation options as StartWebAuthnRegistration returns them (the members the authenticator reads). */
interface CreationOptions {
  readonly challenge: string
  readonly rp: { readonly id: string }
  readonly user: { readonly id: string }
  readonly excludeCredentials?: ReadonlyArray<{ readonly id: string }>
}

/** Request options as CREDENTIAL_REQUEST_OPTIONS carries them (the members the authenticator reads). */
interface RequestOptions {
  readonly challenge: string
  readonly rpId: string
  readonly allowCredentials?: ReadonlyArray<{ readonly id: string }>
}

/** A software authenticator with its passkeys. */
export class SoftwareAuthenticator {
  readonly passkeys: SoftwarePasskey[] = []

  constructor(readonly options: AuthenticatorOptions) {}

  private flags(uv: boolean, attested: boolean): number {
    return 0x01 | (uv ? 0x04 : 0) | (attested ? 0x40 : 0)
  }

  private clientData(type: string, challenge: string, bend: Bend): Uint8Array {
    const json = JSON.stringify({
      type: bend.type ?? type,
      challenge: bend.challenge ?? challenge,
      origin: bend.origin ?? this.options.origin,
      crossOrigin: false,
    })
    return new TextEncoder().encode(json)
  }

  /** navigator.credentials.create: a new passkey, answered as RegistrationResponseJSON. */
  create(input: unknown, bend: Bend = {}): Record<string, unknown> {
    const options = input as CreationOptions
    const alg = this.options.alg ?? -7
    const { privateKey, cose } = keyPair(alg)
    const rawId = new Uint8Array(randomBytes(32))
    const id = b64url(rawId)
    const uv = bend.userVerified ?? this.options.userVerification ?? true
    const authData = concat(
      sha256(bend.rpId ?? options.rp.id),
      new Uint8Array([this.flags(uv, true)]),
      counterBytes(0),
      new Uint8Array(16),
      new Uint8Array([0, rawId.length]),
      rawId,
      encodeCbor(cose),
    )
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, bend)
    const packed = this.options.attestation === 'packed'
    const signature = packed ? signWith({ alg, privateKey }, concat(authData, sha256(clientDataJSON))) : undefined
    const attStmt = new Map<string, unknown>(
      signature
        ? [
            ['alg', alg],
            ['sig', bend.tamper ? flip(signature) : signature],
          ]
        : [],
    )
    const attestationObject = encodeCbor(
      new Map<string, unknown>([
        ['fmt', packed ? 'packed' : 'none'],
        ['attStmt', attStmt],
        ['authData', authData],
      ]),
    )
    this.passkeys.push({
      id,
      rpId: bend.rpId ?? options.rp.id,
      userHandle: options.user.id,
      alg,
      privateKey,
      counter: 0,
    })
    const attachment = bend.attachment ?? this.options.attachment ?? 'platform'
    return {
      id,
      rawId: id,
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: attachment,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
        publicKeyAlgorithm: alg,
        authenticatorData: b64url(authData),
      },
    }
  }

  /** navigator.credentials.get: an assertion by a passkey the options allow, answered as AuthenticationResponseJSON. */
  get(input: unknown, bend: Bend = {}): Record<string, unknown> {
    const options = (typeof input === 'string' ? JSON.parse(input) : input) as RequestOptions
    const allowed = (options.allowCredentials ?? []).map((c) => c.id)
    const passkey = bend.passkey ?? this.passkeys.find((p) => allowed.includes(p.id) && p.rpId === options.rpId)
    if (!passkey) throw new Error('NotAllowedError: no passkey of this authenticator is allowed')
    const counter = bend.counter ?? passkey.counter + 1
    if (bend.counter === undefined) passkey.counter = counter
    const uv = bend.userVerified ?? this.options.userVerification ?? true
    const authData = concat(
      sha256(bend.rpId ?? options.rpId),
      new Uint8Array([this.flags(uv, false)]),
      counterBytes(counter),
    )
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, bend)
    const signature = signWith(passkey, concat(authData, sha256(clientDataJSON)))
    return {
      id: passkey.id,
      rawId: passkey.id,
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: bend.attachment ?? this.options.attachment ?? 'platform',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(bend.tamper ? flip(signature) : signature),
        userHandle: passkey.userHandle,
      },
    }
  }
}
