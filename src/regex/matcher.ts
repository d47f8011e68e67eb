import type { RegexNode } from './ast.js'
import { parseJavaRegex } from './parse.js'

type Test = (cp: number) => boolean
type Instruction =
  | { op: 'char'; test: Test; next: number }
  | { op: 'split'; a: number; b: number }
  | { op: 'assert'; check: (prev: number | undefined, cur: number | undefined) => boolean; next: number }
  | { op: 'match' }

const tests = new Map<string, Test>()

function charTest(js: string): Test {
  let test = tests.get(js)
  if (!test) {
    const re = new RegExp(`^(?:${js})$`, 'u')
    test = (cp) => re.test(String.fromCodePoint(cp))
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
      case 'set': return this.push({ op: 'char', test: charTest(node.js), next })
      case 'start': return this.push({ op: 'assert', check: (prev) => prev === undefined, next })
      case 'end': return this.push({ op: 'assert', check: (_prev, cur) => cur === undefined, next })
      case 'look': {
        const test = charTest(node.set.js)
        const check = (prev: number | undefined, cur: number | undefined): boolean => {
          const cp = node.behind ? prev : cur
          return (cp !== undefined && test(cp)) !== node.negate
        }
        return this.push({ op: 'assert', check, next })
      }
      case 'seq': return node.items.reduceRight((cont, item) => this.compile(item, cont), next)
      case 'alt': return node.options.map((option) => this.compile(option, next)).reduce((a, b) => this.push({ op: 'split', a, b }))
      case 'repeat': return this.repeat(node.node, node.min, node.max, next)
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

/** A whole-value matcher that runs in time linear in the input (a Pike VM over the pattern). */
export type Matcher = (value: string) => boolean

/** Compiles a Java pattern into a matcher with `Pattern.matches` semantics and no backtracking. */
export function compileMatcher(java: string): Matcher {
  const compiler = new Compiler()
  const start = compiler.compile(parseJavaRegex(java).node, 0)
  const program = compiler.program
  return (value) => {
    const cps = Array.from(value, (ch) => ch.codePointAt(0)!)
    let current: number[] = []
    let seen = new Uint32Array(program.length)
    let generation = 1
    const add = (list: number[], pc: number, pos: number): void => {
      if (seen[pc] === generation) return
      seen[pc] = generation
      const ins = program[pc]!
      if (ins.op === 'split') {
        add(list, ins.a, pos)
        add(list, ins.b, pos)
      } else if (ins.op === 'assert') {
        if (ins.check(cps[pos - 1], cps[pos])) add(list, ins.next, pos)
      } else list.push(pc)
    }
    add(current, start, 0)
    for (let pos = 0; pos < cps.length && current.length > 0; pos++) {
      const cp = cps[pos]!
      const next: number[] = []
      generation++
      for (const pc of current) {
        const ins = program[pc]!
        if (ins.op === 'char' && ins.test(cp)) add(next, ins.next, pos + 1)
      }
      current = next
      if (generation === 0xffffffff) {
        seen = new Uint32Array(program.length)
        generation = 1
      }
    }
    return current.some((pc) => program[pc]!.op === 'match')
  }
}
