import type { RegexNode } from './ast.js'
import { parseJavaRegex } from './parse.js'

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

/**
 * Compiles a Java pattern into a matcher with `Pattern.matches` semantics and no catastrophic backtracking: a native
 * RegExp where the pattern's shape allows it, else a lazily built DFA (or a Pike VM for lookarounds). `native: false`
 * forces the latter (the tests compare the two).
 */
export function compileMatcher(java: string, options: { readonly native?: boolean } = {}): Matcher {
  const compiler = new Compiler()
  const node = parseJavaRegex(java).node
  const native =
    options.native === false ? undefined : (nativeMatcher(node) ?? templateMatcher(node) ?? separatedMatcher(node))
  if (native) return native
  const start = compiler.compile(node, 0)
  return hasLookaround(node) ? pikeVm(compiler.program, start) : lazyDfa(compiler.program, start)
}
