import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../src/core/regex/matcher.js'
import { parseJavaRegex, UnsupportedRegexError } from '../../../src/core/regex/parse.js'
import { javaPatternToJs, wholeValueRegExp } from '../../../src/core/regex/to-js.js'
import { HAS_MODEL, model } from '../../support/model.js'

const patterns = (): string[] =>
  [...new Set(Object.values(model().shapes).flatMap((s) => (s.pattern ? [s.pattern] : [])))].sort()

/** Characters that exercise the model's classes: ASCII, Java whitespace, Unicode spaces, letters, marks, symbols, astral. */
const interesting = fc.constantFrom(
  ...'aZ09_-.@+=/,:#{}*! \t\n\r\u000b\u000c\u0085\u00a0\u2028\u3000éß\u0301€😀_'.split(''),
  '😀',
  'arn:',
  '{####}',
  '{##',
  '##}',
  'cognito:',
)
const text = fc.array(interesting, { maxLength: 90 }).map((parts) => parts.join(''))

describe.skipIf(!HAS_MODEL)('Java patterns of the model (needs the model in ../shared/models)', () => {
  it('all translate to u-flag JavaScript regexes anchored to the whole value', () => {
    for (const p of patterns()) {
      const js = javaPatternToJs(p)
      expect(js.startsWith('^(?:') && js.endsWith(')$'), p).toBe(true)
      expect(() => new RegExp(js, 'u'), p).not.toThrow()
    }
  })

  it('the linear matcher and the translated regex agree on every input', () => {
    const pairs = patterns().map((p) => ({ p, matcher: compileMatcher(p), re: wholeValueRegExp(p) }))
    fc.assert(
      fc.property(text, (s) => {
        for (const { p, matcher, re } of pairs) expect(matcher(s), `${p} on ${JSON.stringify(s)}`).toBe(re.test(s))
      }),
      { numRuns: 400 },
    )
  })
})

describe('Java semantics kept in translation', () => {
  it('rejects a leading space where Cognito does', () => {
    expect(compileMatcher('[\\w-]+_[0-9a-zA-Z]+')(' us-east-1_abc')).toBe(false)
    expect(compileMatcher('[\\w-]+_[0-9a-zA-Z]+')('us-east-1_abc')).toBe(true)
  })

  it('keeps \\s to Java whitespace, not Unicode spaces', () => {
    const m = compileMatcher('[\\w\\s+=,.@-]+')
    expect(m('my pool')).toBe(true)
    expect(m('my\u00a0pool')).toBe(false)
    expect(compileMatcher('[\\S]+')('a\u00a0b')).toBe(true)
  })

  it('lets . stop at line terminators unless (?s) is given', () => {
    expect(compileMatcher('.*\\{####\\}.*')('code\n{####}')).toBe(false)
    expect(compileMatcher('(?s).*')('any\nthing')).toBe(true)
  })

  it('counts bounded repetition exactly (DomainType allows at most 63 characters)', () => {
    const m = compileMatcher('^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$')
    const re = wholeValueRegExp('^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$')
    for (let n = 0; n < 130; n++)
      for (const s of ['a'.repeat(n), `a${'-'.repeat(Math.max(0, n - 2))}b`])
        expect(m(s), `${s.length}`).toBe(re.test(s))
    expect(m('a'.repeat(63))).toBe(true)
    expect(m('a'.repeat(64))).toBe(false)
  })

  it('applies the lookbehind of S3BucketType', () => {
    const m = compileMatcher('^[0-9A-Za-z\\.\\-_]*(?<!\\.)$')
    expect(m('my-bucket')).toBe(true)
    expect(m('my-bucket.')).toBe(false)
  })

  it('refuses syntax it cannot translate faithfully', () => {
    expect(() => parseJavaRegex('a++')).toThrow(UnsupportedRegexError)
    expect(() => parseJavaRegex('(?<name>a)')).toThrow(UnsupportedRegexError)
    expect(() => parseJavaRegex('[^\\S]')).toThrow(UnsupportedRegexError)
  })
})

describe('adversarial input', () => {
  // Inputs that take a backtracking engine quadratic time or worse: the matcher stays linear.
  const cases: Array<[string, string]> = [
    ['[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+@[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+', `${'@'.repeat(300_000)}\u0001`],
    [
      '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{##[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*##\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*',
      `${'{##'.repeat(100_000)}\u0000`,
    ],
    ['^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$', `${'a'.repeat(100_000)}!`],
  ]
  it.each(cases)('%s finishes on a long hostile string', (pattern, input) => {
    expect(compileMatcher(pattern)(input)).toBe(false)
  })
})
