import type { RegexNode } from './ast.js'
import { unicodeRegExp } from './regexps.js'

type Test = (cp: number) => boolean
/** One NFA instruction. */
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
    const re = unicodeRegExp(`^(?:${js})$`)
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

/** Compiles a parsed pattern into a program of NFA instructions (Thompson's construction). */
export class Compiler {
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

/** A compiled NFA program; instruction 0 is the match. */
export type Program = readonly Instruction[]

/** Follows splits and assertions from `seeds`; `prev`/`cur` are the neighbouring code points (undefined at the edges). */
export function closure(
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
/** A neighbouring code point that is neither of the input's edges (for ^ and $ assertions). */
export const NOT_EDGE = -1

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

/** Whether a pattern has lookarounds (then only the Pike VM runs it). */
export function hasLookaround(node: RegexNode): boolean {
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

/** A matcher that runs in time linear in the input: a lazy DFA, or a Pike VM for lookarounds. */
export function linearMatcher(node: RegexNode): Matcher {
  const compiler = new Compiler()
  const start = compiler.compile(node, 0)
  return hasLookaround(node) ? pikeVm(compiler.program, start) : lazyDfa(compiler.program, start)
}
