import { hmacSha1 } from './crypto.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** Bytes as RFC 4648 base32 without padding, as authenticator apps take secrets. */
export function base32(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out
}

/** The bytes of a base32 secret (case and padding ignored). */
export function fromBase32(text: string): Uint8Array {
  const clean = text.toUpperCase().replace(/=+$/, '')
  const out: number[] = []
  let bits = 0
  let value = 0
  for (const char of clean) {
    const index = ALPHABET.indexOf(char)
    if (index < 0) throw new TypeError(`not base32: ${char}`)
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return new Uint8Array(out)
}

/** The RFC 6238 time step of a moment (30-second steps from the epoch). */
export function timeStep(epochSeconds: number): number {
  return Math.floor(epochSeconds / 30)
}

/** The six-digit RFC 6238 code (HMAC-SHA1, dynamic truncation) of a secret for a time step. */
export function totpCode(secret: Uint8Array, step: number): string {
  const counter = new Uint8Array(8)
  let rest = step
  for (let i = 7; i >= 0; i--) {
    counter[i] = rest & 255
    rest = Math.floor(rest / 256)
  }
  const digest = hmacSha1(secret, counter)
  const offset = digest[19]! & 15
  const binary =
    ((digest[offset]! & 127) << 24) | (digest[offset + 1]! << 16) | (digest[offset + 2]! << 8) | digest[offset + 3]!
  return String(binary % 1_000_000).padStart(6, '0')
}

/** The step within one step of drift of `now` whose code `code` is, or undefined. */
export function matchingStep(secret: Uint8Array, code: string, now: number): number | undefined {
  const current = timeStep(now)
  for (const step of [current, current - 1, current + 1]) if (totpCode(secret, step) === code) return step
  return undefined
}
