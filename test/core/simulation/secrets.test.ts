import { describe, expect, it } from 'vitest'
import { RandomSecrets } from '../../../src/core/simulation/engine/secrets.js'

describe('RandomSecrets', () => {
  it('draws each character uniformly over its alphabet, also one whose size does not divide 256', () => {
    const alphabet = '0123456789' // 256 % 10 = 6: bytes 250-255 must be drawn again, or 0-5 would be favoured
    const text = new RandomSecrets().chars(100_000, alphabet)
    const counts = new Map<string, number>()
    for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1)
    expect([...counts.keys()].sort().join('')).toBe(alphabet)
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(600)
  })

  it('gives other secrets in another instance, and strings longer than one batch of bytes', () => {
    const [a, b] = [new RandomSecrets(), new RandomSecrets()]
    expect(a.chars(32)).not.toBe(b.chars(32))
    expect(a.chars(20_000)).toHaveLength(20_000)
    expect(a.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
