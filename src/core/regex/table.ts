import type { RegexNode } from './ast.js'
import { Compiler, closure, hasLookaround, type Matcher, NOT_EDGE, type Program } from './linear.js'

/** How many calls a matcher answers without its ASCII table before building it. */
const TABLE_AFTER = 64

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
 * large, goes to `other`. The table is built once the matcher has been called `after` times.
 */
export function tableMatcher(parsed: () => RegexNode, other: Matcher, after = TABLE_AFTER): Matcher {
  let built: { table: Uint8Array; accepts: Uint8Array } | undefined | null = null
  let calls = 0
  return (value) => {
    if (built === null) {
      // Built once the pattern has proved busy: a first call (a first `validate`) should not pay for the table.
      if (++calls < after) return other(value)
      const node = parsed()
      const compiler = new Compiler()
      built = hasLookaround(node) ? undefined : asciiTable(compiler.program, compiler.compile(node, 0))
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
