import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { base64ToBytes, bytesToBase64 } from './text.js'

/**
 * SRP-6a as Cognito runs it: RFC 5054's 3072-bit group with g = 2, SHA-256 over the bytes of "padded hex"
 * strings, and the "Caldera Derived Key" HKDF (the constants and formulas of AWS's own clients,
 * amazon-cognito-identity-js and Amplify). The arithmetic is BigInt; hashes and HMACs come from @noble/hashes.
 */

/** RFC 5054's 3072-bit prime. */
export const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
)
/** The generator. */
export const G = 2n

/** Hex of a non-negative integer: even length, `00` first when the top bit is set (Java's BigInteger.toByteArray). */
export function padHex(value: bigint): string {
  let hex = value.toString(16)
  if (hex.length % 2 !== 0) hex = `0${hex}`
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex
}

/** SHA-256 of the bytes a hex string spells, as hex. */
export function hashHex(hex: string): string {
  return bytesToHex(sha256(hexToBytes(hex)))
}

/** SHA-256 of UTF-8 text, as hex. */
export function hashText(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)))
}

/** An integer from hex. */
export function fromHex(hex: string): bigint {
  return BigInt(`0x${hex || '0'}`)
}

/** base^exponent mod modulus, by squaring. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n
  let b = ((base % modulus) + modulus) % modulus
  let e = exponent
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus
    b = (b * b) % modulus
    e >>= 1n
  }
  return result
}

/** k = H(padHex(N) ‖ padHex(g)). */
export const K = fromHex(hashHex(padHex(N) + padHex(G)))

/** x = H(padHex(salt) ‖ H(poolName ‖ username ‖ ":" ‖ password)); `poolName` is the pool id after `_` (or a device group key). */
export function privateKey(poolName: string, username: string, password: string, saltHex: string): bigint {
  return fromHex(hashHex(padHex(fromHex(saltHex)) + hashText(`${poolName}${username}:${password}`)))
}

/** x as 64 hex digits (the hash itself: x = H(padHex(salt) ‖ H(poolName ‖ username ‖ ":" ‖ password))), without big integers. */
export function privateKeyHex(poolName: string, username: string, password: string, saltHex: string): string {
  return hashHex(padHex(fromHex(saltHex)) + hashText(`${poolName}${username}:${password}`))
}

/** Verifiers already derived, by the private key they come from (the last 1,024): an exponentiation costs ~3.6 ms. */
const verifiers = new Map<string, bigint>()
const REMEMBERED = 1024

/** The verifier v = g^x mod N a server derives from a password's private key x (hex), remembered by x. */
export function verifierOfKey(xHex: string): bigint {
  const known = verifiers.get(xHex)
  if (known !== undefined) return known
  const v = modPow(G, fromHex(xHex), N)
  if (verifiers.size >= REMEMBERED) verifiers.delete(verifiers.keys().next().value!)
  verifiers.set(xHex, v)
  return v
}

/** The verifier v = g^x mod N a server keeps for a password. */
export function verifier(poolName: string, username: string, password: string, saltHex: string): bigint {
  return modPow(G, privateKey(poolName, username, password, saltHex), N)
}

/** The server's public value B = (k·v + g^b) mod N. */
export function serverPublic(v: bigint, b: bigint): bigint {
  return (K * v + modPow(G, b, N)) % N
}

/** u = H(padHex(A) ‖ padHex(B)). */
export function scrambler(A: bigint, B: bigint): bigint {
  return fromHex(hashHex(padHex(A) + padHex(B)))
}

/** The 16-byte key both sides derive: HKDF-SHA256 with salt padHex(u), input padHex(S), info "Caldera Derived Key" ‖ 0x01. */
export function derivedKey(S: bigint, u: bigint): Uint8Array {
  const prk = hmac(sha256, hexToBytes(padHex(u)), hexToBytes(padHex(S)))
  const info = new Uint8Array([...utf8ToBytes('Caldera Derived Key'), 1])
  return hmac(sha256, prk, info).slice(0, 16)
}

/** The server's shared secret S = (A·v^u)^b mod N, or undefined for an A the protocol refuses (A mod N = 0). */
export function serverSecret(A: bigint, v: bigint, b: bigint, B: bigint): { S: bigint; u: bigint } | undefined {
  if (A % N === 0n) return undefined
  const u = scrambler(A, B)
  if (u === 0n) return undefined
  return { S: modPow((A * modPow(v, u, N)) % N, b, N), u }
}

/** Base64 of HMAC-SHA256(key, poolName ‖ username ‖ secretBlock ‖ timestamp): PASSWORD_CLAIM_SIGNATURE. */
export function claimSignature(
  key: Uint8Array,
  poolName: string,
  username: string,
  secretBlock: string,
  timestamp: string,
): string {
  const block = base64ToBytes(
    secretBlock.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (secretBlock.length % 4)) % 4),
  )
  const message = new Uint8Array([
    ...utf8ToBytes(poolName),
    ...utf8ToBytes(username),
    ...block,
    ...utf8ToBytes(timestamp),
  ])
  return bytesToBase64(hmac(sha256, key, message))
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * A TIMESTAMP as Cognito reads it, `EEE MMM d HH:mm:ss 'UTC' yyyy`, as epoch milliseconds; undefined when it is
 * not in that form at all. The form Cognito signs with is `formatTimestamp` of it: a zero-padded day or a wrong
 * weekday parse, but then sign differently, so the proof fails (as seen from Cognito).
 */
export function parseTimestamp(text: string): number | undefined {
  const m =
    /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) UTC (\d{4})$/.exec(
      text,
    )
  if (!m) return undefined
  const time = Date.UTC(Number(m[7]), MONTHS.indexOf(m[2]!), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))
  return Number.isNaN(time) ? undefined : time
}

/** The canonical TIMESTAMP of a moment: weekday from the date, day not zero-padded, hours, minutes and seconds padded. */
export function formatTimestamp(time: number): string {
  const d = new Date(time)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
}
