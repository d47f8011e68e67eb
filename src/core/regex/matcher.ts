import type { RegexNode } from './ast.js'
import { parseJavaRegex } from './parse.js'
import { javaPatternToJs } from './to-js.js'

type Test = (cp: number) => boolean
type Instruction =
  | { op: 'char'; test: Test; next: number }
  | { op: 'split'; a: number; b: number }
  | { op: 'assert'; check: (prev: number | undefined, cur: number | undefined) => boolean; next: number }
  | { op: 'match' }

const tests = new Map<string, Test>()

/** A character test that asks the RegExp once per code point of the Basic Multilingual Plane and remembers. */
function charTest(js: string): Test {
  let test = tests.get(js)
  if (!test) {
    const re = new RegExp(`^(?:${js})$`, 'u')
    const known = new Uint8Array(0x10000)
    test = (cp) => {
      if (cp > 0xffff) return re.test(String.fromCodePoint(cp))
      const k = known[cp]!
      if (k !== 0) return k === 2
      const yes = re.test(String.fromCodePoint(cp))
      known[cp] = yes ? 2 : 1
      return yes
    }
    tests.set(js, test)
  }
  return test
}

class Compiler {
  readonly program: Instruction[] = [{ op: 'match' }]

  private push(instruction: Instruction): number {
    this.program.push(instruction)
    return this.program.length - 1
  }

  /** Compiles `node` so that it continues at `next`; returns its entry. */
  compile(node: RegexNode, next: number): number {
    switch (node.kind) {
      case 'set':
        return this.push({ op: 'char', test: charTest(node.js), next })
      case 'start':
        return this.push({ op: 'assert', check: (prev) => prev === undefined, next })
      case 'end':
        return this.push({ op: 'assert', check: (_prev, cur) => cur === undefined, next })
      case 'look': {
        const test = charTest(node.set.js)
        const check = (prev: number | undefined, cur: number | undefined): boolean => {
          const cp = node.behind ? prev : cur
          return (cp !== undefined && test(cp)) !== node.negate
        }
        return this.push({ op: 'assert', check, next })
      }
      case 'seq':
        return node.items.reduceRight((cont, item) => this.compile(item, cont), next)
      case 'alt':
        return node.options
          .map((option) => this.compile(option, next))
          .reduce((a, b) => this.push({ op: 'split', a, b }))
      case 'repeat':
        return this.repeat(node.node, node.min, node.max, next)
    }
  }

  private repeat(node: RegexNode, min: number, max: number, next: number): number {
    let cont = next
    if (max === Infinity) {
      const loop = this.push({ op: 'split', a: -1, b: next })
      const body = this.compile(node, loop)
      ;(this.program[loop] as { a: number }).a = body
      cont = loop
    } else {
      for (let i = 0; i < max - min; i++) cont = this.push({ op: 'split', a: this.compile(node, cont), b: next })
    }
    for (let i = 0; i < min; i++) cont = this.compile(node, cont)
    return cont
  }
}

/** A whole-value matcher that runs in time linear in the input (no backtracking). */
export type Matcher = (value: string) => boolean

type Program = readonly Instruction[]

/** Follows splits and assertions from `seeds`; `prev`/`cur` are the neighbouring code points (undefined at the edges). */
function closure(
  program: Program,
  seeds: readonly number[],
  prev: number | undefined,
  cur: number | undefined,
): number[] {
  const out: number[] = []
  const seen = new Set<number>()
  const stack = [...seeds].reverse()
  while (stack.length > 0) {
    const pc = stack.pop()!
    if (seen.has(pc)) continue
    seen.add(pc)
    const ins = program[pc]!
    if (ins.op === 'split') stack.push(ins.b, ins.a)
    else if (ins.op === 'assert') {
      if (ins.check(prev, cur)) stack.push(ins.next)
    } else out.push(pc)
  }
  return out
}

/** A state of the lazily built DFA: the NFA positions waiting for a character, and where each character leads. */
interface DState {
  readonly waiting: readonly number[]
  readonly accepts: boolean
  /** Where each character leads: ASCII by index (most input), the rest by code point. */
  readonly ascii: Array<DState | undefined>
  readonly next: Map<number, DState>
}

const MAX_STATES = 4096
const NOT_EDGE = -1

/** For patterns whose only assertions are ^ and $: a DFA built on demand, one map lookup per character. */
function lazyDfa(program: Program, start: number): Matcher {
  let states = new Map<string, DState>()
  const state = (seeds: readonly number[], atStart: boolean): DState => {
    const prev = atStart ? undefined : NOT_EDGE
    const waiting = closure(program, seeds, prev, NOT_EDGE)
    const accepts = closure(program, seeds, prev, undefined).some((pc) => program[pc]!.op === 'match')
    // Two seed sets with the same waiting positions and the same verdict at the end behave alike from here on.
    const key = `${accepts ? 'A' : 'R'}${waiting.join(',')}`
    let d = states.get(key)
    if (!d) {
      if (states.size >= MAX_STATES) states = new Map()
      d = { waiting, accepts, ascii: new Array<DState | undefined>(128).fill(undefined), next: new Map() }
      states.set(key, d)
    }
    return d
  }
  const initial = state([start], true)
  return (value) => {
    let d = initial
    for (let i = 0; i < value.length; i++) {
      let cp = value.charCodeAt(i)
      let n = cp < 128 ? d.ascii[cp] : undefined
      if (!n && cp >= 128) {
        // A surrogate pair is one code point, as Java's matcher reads it.
        if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < value.length) {
          const low = value.charCodeAt(i + 1)
          if (low >= 0xdc00 && low <= 0xdfff) {
            cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
            i++
          }
        }
        n = d.next.get(cp)
      }
      if (!n) {
        const seeds: number[] = []
        for (const pc of d.waiting) {
          const ins = program[pc]!
          if (ins.op === 'char' && ins.test(cp)) seeds.push(ins.next)
        }
        n = state(seeds, false)
        if (cp < 128) d.ascii[cp] = n
        else d.next.set(cp, n)
      }
      if (n.waiting.length === 0 && !n.accepts) return false
      d = n
    }
    return d.accepts
  }
}

/** The longest text the ASCII table decides. */
const TABLE_LENGTH = 64

/** The most states an ASCII table may have (a table is 128 bytes per state). */
const MAX_TABLE_STATES = 64

/**
 * The DFA of a pattern without lookarounds on ASCII input, built whole: `table[state * 128 + char]` is the next
 * state (0 is the dead state), `accepts[state]` whether input may end there. Undefined when it has too many states.
 */
function asciiTable(program: Program, start: number): { table: Uint8Array; accepts: Uint8Array } | undefined {
  const ids = new Map<string, number>()
  const waitings: Array<readonly number[]> = [[]]
  const accepting: boolean[] = [false]
  const add = (seeds: readonly number[], atStart: boolean): number | undefined => {
    const prev = atStart ? undefined : NOT_EDGE
    const waiting = closure(program, seeds, prev, NOT_EDGE)
    const accepts = closure(program, seeds, prev, undefined).some((pc) => program[pc]!.op === 'match')
    if (waiting.length === 0 && !accepts) return 0
    const key = `${atStart ? 'S' : ''}${accepts ? 'A' : 'R'}${waiting.join(',')}`
    let id = ids.get(key)
    if (id === undefined) {
      if (waitings.length >= MAX_TABLE_STATES) return undefined
      ids.set(key, (id = waitings.length))
      waitings.push(waiting)
      accepting.push(accepts)
    }
    return id
  }
  if (add([start], true) !== 1) return undefined
  const rows: number[][] = [new Array(128).fill(0)]
  for (let state = 1; state < waitings.length; state++) {
    const row: number[] = []
    for (let c = 0; c < 128; c++) {
      const seeds: number[] = []
      for (const pc of waitings[state]!) {
        const ins = program[pc]!
        if (ins.op === 'char' && ins.test(c)) seeds.push(ins.next)
      }
      const next = add(seeds, false)
      if (next === undefined) return undefined
      row.push(next)
    }
    rows.push(row)
  }
  return { table: Uint8Array.from(rows.flat()), accepts: Uint8Array.from(accepting, (a) => (a ? 1 : 0)) }
}

/**
 * Short ASCII text decided by a whole DFA table, one lookup per character and no RegExp call (which costs more than the
 * scan on the short values members hold); text with any other character, or a pattern whose table would be too
 * large, goes to `other`. The table is built on first use.
 */
function tableMatcher(node: RegexNode, other: Matcher): Matcher {
  let built: { table: Uint8Array; accepts: Uint8Array } | undefined | null = null
  return (value) => {
    if (built === null) {
      const compiler = new Compiler()
      built = asciiTable(compiler.program, compiler.compile(node, 0))
    }
    // Longer text is where a RegExp's scan wins over a loop, and where a late non-ASCII character wastes the most.
    if (built === undefined || value.length > TABLE_LENGTH) return other(value)
    const { table, accepts } = built
    let state = 1
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i)
      if (c >= 128) return other(value)
      state = table[(state << 7) | c]!
      if (state === 0) return false
    }
    return accepts[state] === 1
  }
}

/** For patterns with lookarounds: a Pike VM that carries the set of NFA positions along the input. */
function pikeVm(program: Program, start: number): Matcher {
  return (value) => {
    const cps = Array.from(value, (ch) => ch.codePointAt(0)!)
    let current = closure(program, [start], undefined, cps[0])
    for (let pos = 0; pos < cps.length && current.length > 0; pos++) {
      const seeds: number[] = []
      for (const pc of current) {
        const ins = program[pc]!
        if (ins.op === 'char' && ins.test(cps[pos]!)) seeds.push(ins.next)
      }
      current = closure(program, seeds, cps[pos], cps[pos + 1])
    }
    return current.some((pc) => program[pc]!.op === 'match')
  }
}

function hasLookaround(node: RegexNode): boolean {
  switch (node.kind) {
    case 'look':
      return true
    case 'seq':
      return node.items.some(hasLookaround)
    case 'alt':
      return node.options.some(hasLookaround)
    case 'repeat':
      return hasLookaround(node.node)
    default:
      return false
  }
}

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
  const re = new RegExp(`^(?:${items.map(sourceOf).join('')})$`, 'u')
  return (value) => re.test(value)
}

/**
 * A sequence of character sets and repeated sets with at most one of variable length (`[\w+=,.@-]+`, `[\S]{1,128}`,
 * `.*`, the shapes service models use): a backtracking engine matches such a pattern in linear time, and much faster
 * than the matcher below. Undefined for every other pattern.
 */
function nativeMatcher(node: RegexNode): Matcher | undefined {
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
function templateMatcher(node: RegexNode): Matcher | undefined {
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
  const all = new RegExp(`^(?:${set})*$`, 'u')
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
      const set = new RegExp(`^${item.node.js}$`, 'u')
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
function separatedMatcher(node: RegexNode): Matcher | undefined {
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
const NATIVE_BUDGET = 200_000

/**
 * A native RegExp for values no longer than `maxLength` where the pattern's backtracking is polynomial and, at that
 * length, small (`[\w-]+_[0-9a-zA-Z]+` within 55 characters: at most 56² steps); longer values go to `fallback`.
 */
function boundedMatcher(
  java: string,
  node: RegexNode,
  maxLength: number,
  fallback: () => Matcher,
): Matcher | undefined {
  const bound = backtracking(node)
  if (!bound || !Number.isFinite(maxLength) || (maxLength + 1) ** bound.degree * bound.factor > NATIVE_BUDGET)
    return undefined
  const re = new RegExp(javaPatternToJs(java), 'u')
  let slow: Matcher | undefined
  // UTF-16 units are at least the code points the limit counts, so a value within it in units is within it.
  return (value) => (value.length <= maxLength ? re.test(value) : (slow ??= fallback())(value))
}

/**
 * Compiles a Java pattern into a matcher with `Pattern.matches` semantics and no catastrophic backtracking: a native
 * RegExp where the pattern's shape allows it (or, given the member's `maxLength`, where backtracking stays small at
 * that length), else a lazily built DFA (or a Pike VM for lookarounds); ASCII text first through a whole DFA table
 * where the pattern has one of at most 64 states. `native: false` forces the lazy DFA or Pike VM alone, `table:
 * false` leaves out the table (the tests compare them all).
 */
export function compileMatcher(
  java: string,
  options: { readonly native?: boolean; readonly table?: boolean; readonly maxLength?: number | undefined } = {},
): Matcher {
  const node = parseJavaRegex(java).node
  const linear = (): Matcher => {
    const compiler = new Compiler()
    const start = compiler.compile(node, 0)
    return hasLookaround(node) ? pikeVm(compiler.program, start) : lazyDfa(compiler.program, start)
  }
  if (options.native === false) return linear()
  const other =
    nativeMatcher(node) ??
    templateMatcher(node) ??
    separatedMatcher(node) ??
    (options.maxLength === undefined ? undefined : boundedMatcher(java, node, options.maxLength, linear)) ??
    linear()
  return options.table === false || hasLookaround(node) ? other : tableMatcher(node, other)
}
