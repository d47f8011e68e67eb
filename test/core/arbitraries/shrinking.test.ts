import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { responseArbitrary } from '../../../src/core/arbitraries/index.js'

describe('shrinking', () => {
  it('a failing property over a large response shrinks to a small counterexample', () => {
    // The "bug": code that breaks once a page holds two users with an email attribute.
    const property = fc.property(responseArbitrary('ListUsers', { listSize: { max: 10 } }), (response) => {
      const withEmail = (response.Users ?? []).filter((u) => (u.Attributes ?? []).some((a) => a.Name === 'email'))
      return withEmail.length < 2
    })
    const details = fc.check(property, { seed: 424242, numRuns: 500 })
    expect(details.failed).toBe(true)
    const [counterexample] = details.counterexample!
    expect(counterexample.Users).toHaveLength(2)
    for (const user of counterexample.Users!) {
      expect(user.Attributes!.filter((a) => a.Name === 'email')).toHaveLength(1)
      expect(user.Attributes).toHaveLength(1)
    }
    expect(JSON.stringify(counterexample).length).toBeLessThan(600)
  })
})
