/** Printable ASCII, the bulk of realistic text. */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i)
/** A few of each kind beyond ASCII: Java whitespace, Unicode spaces, letters, marks, symbols, punctuation, astral. */
const BEYOND = [
  0x09, 0x0a, 0x0d, 0x0b, 0x0c, 0xa0, 0x3000, 0x2028, 0xe9, 0xf1, 0xfc, 0xdf, 0xc5, 0x3b1, 0x416, 0x5d0, 0x627, 0x4e2d,
  0x6587, 0x3042, 0xac00, 0x301, 0x308, 0x20ac, 0xa9, 0x2713, 0x2192, 0xbf, 0x2014, 0x1f600, 0x1f680, 0x10348,
]

/** The characters a generated string may use from a set, ASCII first, each list deduplicated. */
export interface CharChoices {
  readonly ascii: readonly string[]
  readonly other: readonly string[]
}

const cache = new Map<string, CharChoices>()

/** The candidate characters of a one-character JavaScript class, found by testing a fixed pool. */
export function charChoices(js: string): CharChoices {
  let choices = cache.get(js)
  if (!choices) {
    const re = new RegExp(`^(?:${js})$`, 'u')
    const pick = (cps: readonly number[]): string[] =>
      cps.map((cp) => String.fromCodePoint(cp)).filter((ch) => re.test(ch))
    choices = { ascii: pick(ASCII), other: pick(BEYOND) }
    cache.set(js, choices)
  }
  return choices
}

/**
 * One character drawn as a single number below `size` (one fast-check draw, not a weighted choice and then a pick):
 * `char` spells it, ASCII characters taking `asciiWeight` parts in `asciiWeight + 1`, each uniform within its list.
 */
export interface CharDraw {
  readonly size: number
  readonly char: (draw: number) => string
}

/** The single-number draw of a character from `ascii` or `other` (either may be empty, not both). */
export function charDraw(ascii: readonly string[], other: readonly string[], asciiWeight: number): CharDraw {
  if (other.length === 0) return { size: ascii.length, char: (x) => ascii[x]! }
  if (ascii.length === 0) return { size: other.length, char: (x) => other[x]! }
  // Both lists: a range of (asciiWeight + 1) · |ascii| · |other| numbers, the first asciiWeight parts ASCII; within
  // each part a number modulo its list's length is uniform, since each part is a whole multiple of that length.
  const part = ascii.length * other.length
  const asciiPart = asciiWeight * part
  return {
    size: asciiPart + part,
    char: (x) => (x < asciiPart ? ascii[x % ascii.length]! : other[(x - asciiPart) % other.length]!),
  }
}
