import { hmac } from '@noble/hashes/hmac.js'
import { sha1 } from '@noble/hashes/legacy.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { bytesToBase64 } from './text.js'

/** SHA-256 of bytes. */
export function sha256Bytes(data: Uint8Array): Uint8Array {
  return sha256(data)
}

/** HMAC-SHA256 of bytes under a key. */
export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  return hmac(sha256, key, data)
}

/** HMAC-SHA1 of bytes under a key (TOTP, RFC 6238). */
export function hmacSha1(key: Uint8Array, data: Uint8Array): Uint8Array {
  return hmac(sha1, key, data)
}

/** Base64 of HMAC-SHA256(key, message), both UTF-8 text: how Cognito's SECRET_HASH is made. */
export function secretHash(clientSecret: string, message: string): string {
  return bytesToBase64(hmacSha256(utf8ToBytes(clientSecret), utf8ToBytes(message)))
}

/** SHA-256 of UTF-8 text, as hex: how the simulation keeps what it must recognise but never show. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256Bytes(utf8ToBytes(text)))
}

/** Whether two strings are equal, in time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return diff === 0
}

export { bytesToHex, concatBytes, hexToBytes, utf8ToBytes }
