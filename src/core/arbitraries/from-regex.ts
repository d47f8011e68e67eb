import fc from 'fast-check'
import type { RegexNode } from '../regex/ast.js'
import { parseJavaRegex } from '../regex/parse.js'
import { type CharDraw, charChoices, charDraw } from './char-pool.js'

/** How long an unbounded repetition grows at most when generating (beyond its minimum). */
const UNBOUNDED_EXTRA = 12

/** A set's characters as one draw each: ASCII nine times in ten where it also allows others and `wide` is on. */
function setDraw(js: string, wide: boolean): CharDraw {
  const { ascii, other } = charChoices(js)
  if (ascii.length === 0 && other.length === 0) throw new Error(`no character of the pool matches ${js}`)
  if (!wide && ascii.length > 0) return charDraw(ascii, [], 9)
  return charDraw(ascii, other, 9)
}

/** The number behind one character (without fast-check's bias towards the ends of a range). */
function drawOf(d: CharDraw): fc.Arbitrary<number> {
  return fc.noBias(fc.integer({ min: 0, max: d.size - 1 }))
}

/** Between `min` and `max` characters of one draw, as `fc.array` chooses lengths. */
export function repeatedChars(d: CharDraw, min: number, max: number): fc.Arbitrary<string> {
  // Joined, not concatenated: `+=` leaves a rope (a V8 cons string); with ropes in drawn values (which deriving also
  // validates, see Deriver) later validations in the same process ran several times slower.
  return fc.array(drawOf(d), { minLength: min, maxLength: max }).map((draws) => draws.map(d.char).join(''))
}

function fromNode(node: RegexNode, wide: boolean, minLength = 0): fc.Arbitrary<string> {
  switch (node.kind) {
    case 'set': {
      const d = setDraw(node.js, wide)
      return drawOf(d).map(d.char)
    }
    case 'seq':
      return fc.tuple(...node.items.map((item) => fromNode(item, wide))).map((parts) => parts.join(''))
    case 'alt':
      return fc.oneof(...node.options.map((option) => fromNode(option, wide)))
    case 'repeat': {
      const min = node.node.kind === 'set' ? Math.max(node.min, Math.min(minLength, node.max)) : node.min
      const max = node.max === Infinity ? min + UNBOUNDED_EXTRA : node.max
      if (node.node.kind === 'set') return repeatedChars(setDraw(node.node.js, wide), min, max)
      return fc.array(fromNode(node.node, wide), { minLength: min, maxLength: max }).map((parts) => parts.join(''))
    }
    default:
      return fc.constant('')
  }
}

/**
 * Strings shaped by a Java pattern (lookarounds and anchors generate nothing and are enforced by the
 * caller's filter). `wide` mixes in characters beyond ASCII where the pattern allows them; a top-level
 * repetition of one character class starts at `minLength`, so length limits rarely reject a draw.
 */
export function regexArbitrary(java: string, wide: boolean, minLength = 0): fc.Arbitrary<string> {
  return fromNode(parseJavaRegex(java).node, wide, minLength)
}
