import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../src/core/regex/matcher.js'
import { javaPatternToJs } from '../../../src/core/regex/to-js.js'
import { ROOT } from '../../support/model.js'

/** Every Java pattern the contract carries, read from the generated shapes. */
const patterns = [
  ...new Set(
    [...readFileSync(join(ROOT, 'schemas/shapes.ts'), 'utf8').matchAll(/'x-aws-pattern': '((?:[^'\\]|\\.)*)'/g)].map(
      (m) => m[1]!.replace(/\\\\/g, '\\').replace(/\\'/g, "'"),
    ),
  ),
]

/** Text from the characters these patterns care about, and any others. */
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'aZ09_-+=,.@/: \t\n{}#!*"éß中\u0000\u00a0'), maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
  fc.constant('{####}'),
  fc
    .array(
      fc.constantFrom('{##', '##}', '{####}', 'Verify', ' ', '\n', '#', 'x', 'arn:aws:sns:us-east-1:', '123', ':'),
      {
        maxLength: 8,
      },
    )
    .map((parts) => parts.join('')),
)

describe('the native fast path matches as the linear-time matcher does', () => {
  it('reads the contract patterns', () => {
    expect(patterns.length).toBeGreaterThan(30)
  })

  it('on every pattern of the contract, for any text (ASCII by a DFA table first, or the native paths alone)', () => {
    const pairs = [true, false].flatMap((table) =>
      patterns.map((p) => ({
        p,
        native: compileMatcher(p, { table, tableAfter: 0 }),
        linear: compileMatcher(p, { native: false }),
      })),
    )
    fc.assert(
      fc.property(fc.constantFrom(...pairs), text, ({ p, native, linear }, value) => {
        expect(native(value), `${p} on ${JSON.stringify(value)}`).toBe(linear(value))
      }),
      { numRuns: 5000 },
    )
  })

  it('with a length limit (backtracking bounded at that length), within and beyond the limit', () => {
    const pairs = [12, 55].flatMap((maxLength) =>
      patterns.map((p) => ({
        p,
        maxLength,
        native: compileMatcher(p, { maxLength, tableAfter: 0 }),
        linear: compileMatcher(p, { native: false }),
      })),
    )
    fc.assert(
      fc.property(fc.constantFrom(...pairs), text, ({ p, maxLength, native, linear }, value) => {
        expect(native(value), `${p} (max ${maxLength}) on ${JSON.stringify(value)}`).toBe(linear(value))
      }),
      { numRuns: 5000 },
    )
  })

  it("from the schema's own translation (no parse for plain runs), within and beyond a length limit", () => {
    const pairs = [undefined, 12, 55].flatMap((maxLength) =>
      patterns.map((p) => ({
        p,
        maxLength,
        native: compileMatcher(p, { maxLength, js: javaPatternToJs(p), table: false }),
        linear: compileMatcher(p, { native: false }),
      })),
    )
    fc.assert(
      fc.property(fc.constantFrom(...pairs), text, ({ p, maxLength, native, linear }, value) => {
        expect(native(value), `${p} (max ${maxLength}) on ${JSON.stringify(value)}`).toBe(linear(value))
      }),
      { numRuns: 5000 },
    )
  })
})
