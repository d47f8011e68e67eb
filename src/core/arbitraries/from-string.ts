import fc from 'fast-check'
import { compileMatcher } from '../regex/matcher.js'
import { bytesToBase64, countCodePoints } from '../shared/text.js'
import type { SchemaNode } from '../shared/walk.js'
import { charDraw } from './char-pool.js'
import type { Deriver } from './deriver.js'
import { regexArbitrary, repeatedChars } from './from-regex.js'

/** How far past its minimum a string without a pattern grows. */
const FREE_TEXT_EXTRA = 24

const WORD_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789 -_.'.split('')
/** Letters beyond ASCII, one character in twenty of free text where `unicode` is on. */
const WIDE_CHARS = ['é', 'ü', 'ñ', '中', 'ж', '€']

/** Text of ordinary words, for strings the model leaves unconstrained. */
function freeText(min: number, max: number, unicode: boolean): fc.Arbitrary<string> {
  return repeatedChars(charDraw(WORD_CHARS, unicode ? WIDE_CHARS : [], 19), min, Math.min(max, min + FREE_TEXT_EXTRA))
}

/** Strings within the schema's lengths that match its pattern as a whole. */
export function fromString(schema: SchemaNode, d: Deriver): fc.Arbitrary<string> {
  const min = (schema['minLength'] as number | undefined) ?? 0
  const max = (schema['maxLength'] as number | undefined) ?? Number.MAX_SAFE_INTEGER
  const java = (schema['x-aws-pattern'] ?? schema['pattern']) as string | undefined
  if (java === undefined) return freeText(min, max, d.options.unicode)
  const js = typeof schema['pattern'] === 'string' && schema['x-aws-pattern'] ? schema['pattern'] : undefined
  const matches = compileMatcher(java, { js, maxLength: schema['maxLength'] as number | undefined })
  return regexArbitrary(java, d.options.unicode, min).filter((s) => {
    const n = countCodePoints(s)
    return n >= min && n <= max && matches(s)
  })
}

/** Base64 text of random bytes within the blob's byte limits. */
export function fromBlob(schema: SchemaNode): fc.Arbitrary<string> {
  const limits = (schema['x-aws-blob'] ?? {}) as { minBytes?: number; maxBytes?: number }
  const min = limits.minBytes ?? 0
  const max = Math.min(limits.maxBytes ?? 64, min + 64)
  return fc.uint8Array({ minLength: min, maxLength: max }).map(bytesToBase64)
}
