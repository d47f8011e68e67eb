import fc from 'fast-check'
import type { RegexNode } from '../regex/ast.js'
import { parseJavaRegex } from '../regex/parse.js'
import { charChoices } from './char-pool.js'

/** How long an unbounded repetition grows at most when generating (beyond its minimum). */
const UNBOUNDED_EXTRA = 12

function fromNode(node: RegexNode, wide: boolean, minLength = 0): fc.Arbitrary<string> {
  switch (node.kind) {
    case 'set': {
      const { ascii, other } = charChoices(node.js)
      if (ascii.length === 0 && other.length === 0) throw new Error(`no character of the pool matches ${node.js}`)
      if (!wide || other.length === 0) return ascii.length ? fc.constantFrom(...ascii) : fc.constantFrom(...other)
      if (ascii.length === 0) return fc.constantFrom(...other)
      return fc.oneof(
        { arbitrary: fc.constantFrom(...ascii), weight: 9 },
        { arbitrary: fc.constantFrom(...other), weight: 1 },
      )
    }
    case 'seq':
      return fc.tuple(...node.items.map((item) => fromNode(item, wide))).map((parts) => parts.join(''))
    case 'alt':
      return fc.oneof(...node.options.map((option) => fromNode(option, wide)))
    case 'repeat': {
      const min = node.node.kind === 'set' ? Math.max(node.min, Math.min(minLength, node.max)) : node.min
      const max = node.max === Infinity ? min + UNBOUNDED_EXTRA : node.max
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
