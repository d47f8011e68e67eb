import type { RegexNode } from './ast.js'
import type { Matcher } from './linear.js'
import { unicodeRegExp } from './regexps.js'
import { nodeToJs } from './to-js.js'

/** The items of a sequence (a lone node is a sequence of one). */
const itemsOf = (node: RegexNode): readonly RegexNode[] => (node.kind === 'seq' ? node.items : [node])

/** A pattern's items without a leading ^ and a trailing $, which under Pattern.matches hold only at the input's ends. */
function unanchored(node: RegexNode): readonly RegexNode[] {
  let items = itemsOf(node)
  if (items[0]?.kind === 'start') items = items.slice(1)
  if (items.at(-1)?.kind === 'end') items = items.slice(0, -1)
  return items
}

/** A native whole-value matcher for items the shape checks below accepted. */
function nativeOf(items: readonly RegexNode[]): Matcher {
  const re = unicodeRegExp(`^(?:${items.map(sourceOf).join('')})$`)
  return (value) => re.test(value)
}

/**
 * A sequence of character sets and repeated sets with at most one of variable length (`[\w+=,.@-]+`, `[\S]{1,128}`,
 * `.*`, the shapes service models use): a backtracking engine matches such a pattern in linear time, and much faster
 * than the matcher below. Undefined for every other pattern.
 */
export function nativeMatcher(node: RegexNode): Matcher | undefined {
  const items = unanchored(node)
  const sets = (item: RegexNode) => item.kind === 'set' || (item.kind === 'repeat' && item.node.kind === 'set')
  if (!items.every(sets)) return undefined
  const variable = items.filter((item) => item.kind === 'repeat' && item.min !== item.max)
  return variable.length > 1 ? undefined : nativeOf(items)
}

/** The character a set of exactly one literal character stands for (`#`, `\{`), if it is one. */
function literal(set: RegexNode): string | undefined {
  if (set.kind !== 'set') return undefined
  const js = set.js
  if (js.length === 1 && !'.[]()\\^$|?*+{}'.includes(js)) return js
  if (js.length === 2 && js[0] === '\\' && /[^\w\s]/.test(js[1]!)) return js[1]
  return undefined
}

/**
 * `S* lit S* lit … S*`, one set S throughout and every literal character in S (the message templates'
 * `…*\{####\}…*` and `…*\{##…*##\}…*`): it matches exactly the texts made only of S that contain the literals in
 * order, without overlap, which native scans decide in linear time (the earliest place of each literal is the best).
 */
export function templateMatcher(node: RegexNode): Matcher | undefined {
  if (node.kind !== 'seq' || node.items.length < 3) return undefined
  const first = node.items[0]!
  if (first.kind !== 'repeat' || first.node.kind !== 'set') return undefined
  const set = first.node.js
  const literals: string[] = []
  let run = ''
  for (const item of node.items) {
    if (item.kind === 'repeat') {
      if (item.node.kind !== 'set' || item.node.js !== set || item.min !== 0 || item.max !== Infinity) return undefined
      if (run) literals.push(run)
      run = ''
    } else {
      const char = literal(item)
      if (char === undefined) return undefined
      run += char
    }
  }
  if (run || literals.length === 0) return undefined
  const all = unicodeRegExp(`^(?:${set})*$`)
  if (!all.test(literals.join(''))) return undefined
  return (value) => {
    let from = 0
    for (const text of literals) {
      const at = value.indexOf(text, from)
      if (at < 0) return false
      from = at + text.length
    }
    return all.test(value)
  }
}

/** What may come next in a pattern: literal characters, character classes, or the end of the input. */
interface Follow {
  readonly literals: readonly string[]
  readonly classes: number
  readonly end: boolean
}

const joinFollow = (a: Follow, b: Follow): Follow => ({
  literals: [...a.literals, ...b.literals],
  classes: a.classes + b.classes,
  end: a.end || b.end,
})

/** What may come first from `items[i]` on, `after` following them. */
function followOf(items: readonly RegexNode[], i: number, after: Follow): Follow {
  if (i >= items.length) return after
  const item = items[i]!
  const rest = () => followOf(items, i + 1, after)
  if (item.kind === 'set') {
    const char = literal(item)
    return char === undefined ? { literals: [], classes: 1, end: false } : { literals: [char], classes: 0, end: false }
  }
  if (item.kind === 'repeat') {
    const head = item.node.kind === 'set' ? followOf([item.node], 0, after) : followOf(itemsOf(item.node), 0, rest())
    return item.min === 0 ? joinFollow(head, rest()) : head
  }
  return { literals: [], classes: 1, end: false }
}

/**
 * Whether a backtracking engine matches `items` (followed by `after`) in linear time: each repetition of a class of
 * variable length is followed only by literal characters outside the class (or the end), so it has one place to stop;
 * optional groups are checked the same way inside. Counts the optional groups in `groups`.
 */
function separated(items: readonly RegexNode[], after: Follow, groups: { count: number }): boolean {
  return items.every((item, i) => {
    if (item.kind === 'set') return true
    if (item.kind !== 'repeat') return false
    if (item.node.kind === 'set') {
      if (item.min === item.max) return true
      const next = followOf(items, i + 1, after)
      const set = unicodeRegExp(`^${item.node.js}$`)
      return next.classes === 0 && next.literals.every((c) => !set.test(c))
    }
    if (item.min !== 0 || item.max !== 1) return false
    groups.count++
    return separated(itemsOf(item.node), followOf(items, i + 1, after), groups)
  })
}

/** The JavaScript source of a node the checks above accepted. */
function sourceOf(node: RegexNode): string {
  if (node.kind === 'set') return node.js
  if (node.kind === 'seq') return node.items.map(sourceOf).join('')
  if (node.kind === 'repeat') {
    if (node.node.kind !== 'set') return `(?:${sourceOf(node.node)})?`
    if (node.min === 1 && node.max === 1) return node.node.js
    return `(?:${node.node.js}){${node.min},${node.max === Infinity ? '' : node.max}}`
  }
  throw new TypeError(`cognito-idp-contract: no native source for ${node.kind}`)
}

/**
 * Patterns of literal separators between classes (`arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:…`): every
 * repetition stops at a character it cannot take, so a native RegExp runs them in linear time; at most three
 * optional groups keep the engine's retries to a small constant.
 */
export function separatedMatcher(node: RegexNode): Matcher | undefined {
  const items = unanchored(node)
  const groups = { count: 0 }
  if (!separated(items, { literals: [], classes: 0, end: true }, groups) || groups.count > 3) return undefined
  return nativeOf(items)
}

/** How much a backtracking engine may retry: `(length + 1) ** degree * factor` bounds its steps. */
interface Backtracking {
  readonly degree: number
  readonly factor: number
}

/**
 * The polynomial bound of a backtracking engine's work on a pattern, or undefined when it may be exponential (a
 * group repeated more than once). Each repetition of variable length adds one to the degree (it can stop at any of
 * `length + 1` places); alternatives and optional groups multiply the factor.
 */
function backtracking(node: RegexNode): Backtracking | undefined {
  switch (node.kind) {
    case 'set':
    case 'start':
    case 'end':
    case 'look':
      return { degree: 0, factor: 1 }
    case 'seq':
    case 'alt': {
      const parts = (node.kind === 'seq' ? node.items : node.options).map(backtracking)
      if (parts.some((p) => p === undefined)) return undefined
      const all = parts as Backtracking[]
      return node.kind === 'seq'
        ? { degree: all.reduce((n, p) => n + p.degree, 0), factor: all.reduce((n, p) => n * p.factor, 1) }
        : { degree: Math.max(...all.map((p) => p.degree)), factor: all.reduce((n, p) => n + p.factor, 0) }
    }
    case 'repeat': {
      if (node.node.kind === 'set') return { degree: node.min === node.max ? 0 : 1, factor: 1 }
      if (node.max > 1) return undefined
      const inner = backtracking(node.node)
      return inner && { degree: inner.degree, factor: inner.factor * 2 }
    }
  }
}

/** The most steps a native match of a value within the length limit may take before the DFA is used instead. */
export const NATIVE_BUDGET = 200_000

/**
 * A native RegExp for values no longer than `maxLength` where the pattern's backtracking is polynomial and, at that
 * length, small (`[\w-]+_[0-9a-zA-Z]+` within 55 characters: at most 56² steps); longer values go to `fallback`.
 */
export function boundedMatcher(node: RegexNode, maxLength: number, fallback: () => Matcher): Matcher | undefined {
  const bound = backtracking(node)
  if (!bound || !Number.isFinite(maxLength) || (maxLength + 1) ** bound.degree * bound.factor > NATIVE_BUDGET)
    return undefined
  const re = unicodeRegExp(nodeToJs(node))
  let slow: Matcher | undefined
  // UTF-16 units are at least the code points the limit counts, so a value within it in units is within it.
  return (value) => (value.length <= maxLength ? re.test(value) : (slow ??= fallback())(value))
}
