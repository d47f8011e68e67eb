import { Secret, TOTP } from 'otpauth'
import { describe, expect, it } from 'vitest'
import { base32, fromBase32, matchingStep, timeStep, totpCode } from '../../../src/core/shared/totp.js'

const RFC_SECRET = new TextEncoder().encode('12345678901234567890')

describe('TOTP', () => {
  it('matches the RFC 6238 SHA-1 test vectors (last six digits)', () => {
    const vectors: Array<[number, string]> = [
      [59, '287082'],
      [1111111109, '081804'],
      [1111111111, '050471'],
      [1234567890, '005924'],
      [2000000000, '279037'],
    ]
    for (const [time, code] of vectors) expect(totpCode(RFC_SECRET, timeStep(time))).toBe(code)
  })

  it('agrees with an authenticator library on a base32 secret', () => {
    const secret = base32(new Uint8Array(32).map((_, i) => i * 7))
    const app = new TOTP({ secret: Secret.fromBase32(secret) })
    const now = Date.UTC(2026, 10, 28, 12)
    expect(totpCode(fromBase32(secret), timeStep(now / 1000))).toBe(app.generate({ timestamp: now }))
  })

  it('accepts the previous and next step, and nothing further', () => {
    const now = 1_800_000_000
    const step = timeStep(now)
    expect(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, step - 1), now)).toBe(step - 1)
    expect(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, step + 1), now)).toBe(step + 1)
    expect(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, step - 2), now)).toBeUndefined()
  })

  it('round-trips base32 and refuses other characters', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255, 128])
    expect(fromBase32(base32(bytes))).toEqual(bytes)
    expect(base32(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI')
    expect(() => fromBase32('A1')).toThrow(TypeError)
  })
})
