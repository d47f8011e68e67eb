import type { Matcher } from './linear.js'
import { NATIVE_BUDGET } from './native.js'
import { unicodeRegExp } from './regexps.js'

/**
 * One token of a translated pattern: a class, an escape or a plain character, with an optional greedy quantifier.
 * Groups, alternatives, lookarounds and `.` are not tokens (such patterns take the parsed path).
 */
const TOKEN =
  /(?:\[(?:[^\]\\]|\\.)*\]|\\[pP]\{[^}]*\}|\\u\{[0-9A-Fa-f]+\}|\\x[0-9A-Fa-f]{2}|\\[^pPux]|[^\\[\](){}|?*+^$.])([+*?]|\{(\d+)(?:(,)(\d*))?\})?/y

/** How many quantifiers of variable count a token run has, or undefined when it is not a plain run of tokens. */
function variableParts(inner: string): number | undefined {
  let at = 0
  let parts = 0
  while (at < inner.length) {
    TOKEN.lastIndex = at
    const m = TOKEN.exec(inner)
    if (!m) return undefined
    const [, quantifier, min, comma, max] = m
    if (quantifier !== undefined && (min === undefined || (comma !== undefined && max !== min))) parts++
    at = TOKEN.lastIndex
  }
  return parts
}

/**
 * A native RegExp straight from the schema's own translation (`pattern`) when it is a plain run of classes and
 * characters whose backtracking is linear (one part of variable length) or small within `maxLength`: no parse, so a
 * first `validate` stays cheap. Longer values go to `longer`. Undefined for every other pattern.
 */
export function quickMatcher(js: string, maxLength: number | undefined, longer: () => Matcher): Matcher | undefined {
  if (!js.startsWith('^(?:') || !js.endsWith(')$')) return undefined
  const inner = js
    .slice(4, -2)
    .replace(/^\^/, '')
    .replace(/(?<!\\)\$$/, '')
  const parts = variableParts(inner)
  if (parts === undefined) return undefined
  const re = unicodeRegExp(js)
  if (parts <= 1) return (value) => re.test(value)
  if (maxLength === undefined || !Number.isFinite(maxLength) || (maxLength + 1) ** parts > NATIVE_BUDGET)
    return undefined
  return (value) => (value.length <= maxLength ? re.test(value) : longer()(value))
}
