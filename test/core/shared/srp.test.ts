import { describe, expect, it } from 'vitest'
import {
  claimSignature,
  derivedKey,
  formatTimestamp,
  fromHex,
  G,
  K,
  modPow,
  N,
  padHex,
  parseTimestamp,
  privateKey,
  scrambler,
  serverPublic,
  serverSecret,
  verifier,
} from '../../../src/core/shared/srp.js'

describe('SRP-6a as Cognito uses it', () => {
  it('has the multiplier every Cognito client computes from the 3072-bit group', () => {
    expect(K.toString(16)).toBe('538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6')
  })

  it('pads hex so that it reads as a positive number', () => {
    expect(padHex(0x7fn)).toBe('7f')
    expect(padHex(0x80n)).toBe('0080')
    expect(padHex(0xfn)).toBe('0f')
  })

  it('derives the same key on both sides of a sign-in', () => {
    const salt = 'a1b2c3d4e5f6'
    const v = verifier('AbCdEf123', 'jane', 'Correct-Horse-1', salt)
    const a = fromHex('1234567890abcdef'.repeat(8))
    const b = fromHex('fedcba0987654321'.repeat(8))
    const A = modPow(G, a, N)
    const B = serverPublic(v, b)
    const u = scrambler(A, B)
    const x = privateKey('AbCdEf123', 'jane', 'Correct-Horse-1', salt)
    const clientS = modPow((B - K * modPow(G, x, N) + N * K) % N, a + u * x, N)
    const server = serverSecret(A, v, b, B)!
    expect(server.S).toBe(clientS)
    const key = derivedKey(server.S, server.u)
    expect(key).toHaveLength(16)
    const block = 'c2VjcmV0LWJsb2Nr'
    const time = 'Sat Nov 28 12:00:00 UTC 2026'
    expect(claimSignature(key, 'AbCdEf123', 'jane', block, time)).toBe(
      claimSignature(derivedKey(clientS, u), 'AbCdEf123', 'jane', block, time),
    )
    expect(claimSignature(key, 'AbCdEf123', 'jane', block, time)).not.toBe(
      claimSignature(derivedKey(verifier('AbCdEf123', 'jane', 'wrong', salt), u), 'AbCdEf123', 'jane', block, time),
    )
  })

  it('refuses an A that is zero modulo N', () => {
    expect(serverSecret(N * 2n, 5n, 7n, 9n)).toBeUndefined()
  })

  it("reads and writes the clients' TIMESTAMP form", () => {
    const time = Date.UTC(2026, 10, 8, 9, 5, 3)
    expect(formatTimestamp(time)).toBe('Sun Nov 8 09:05:03 UTC 2026')
    expect(parseTimestamp('Sun Nov 8 09:05:03 UTC 2026')).toBe(time)
    expect(parseTimestamp('Sun Nov 08 09:05:03 UTC 2026')).toBe(time)
    expect(parseTimestamp('2026-11-08T09:05:03Z')).toBeUndefined()
  })
})
