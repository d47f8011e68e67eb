import type { RegexNode } from './ast.js'
import { linearMatcher, type Matcher } from './linear.js'
import { boundedMatcher, nativeMatcher, separatedMatcher, templateMatcher } from './native.js'
import { parseJavaRegex } from './parse.js'
import { quickMatcher } from './quick.js'
import { tableMatcher } from './table.js'

export type { Matcher } from './linear.js'

/** How `compileMatcher` may match. */
export interface MatcherOptions {
  /** False: only the linear-time engines (the reference the tests compare with). */
  readonly native?: boolean | undefined
  /** False: no ASCII table. */
  readonly table?: boolean | undefined
  /** Calls answered before the ASCII table is built (64). */
  readonly tableAfter?: number | undefined
  /** The member's length limit: patterns whose backtracking is small within it may run natively. */
  readonly maxLength?: number | undefined
  /** The pattern's JavaScript translation as the schema carries it (`pattern`). */
  readonly js?: string | undefined
}

/**
 * Compiles a Java pattern into a matcher with `Pattern.matches` semantics and no catastrophic backtracking: a native
 * RegExp where the pattern's shape allows it (or, given the member's `maxLength`, where backtracking stays small at
 * that length), else a lazily built DFA (or a Pike VM for lookarounds); ASCII text first through a whole DFA table
 * where the pattern has one of at most 64 states. Given the schema's own translation (`js`), plain runs of classes
 * skip the parse. `native: false` forces the lazy DFA or Pike VM alone, `table: false` leaves out the table (the
 * tests compare them all).
 */
export function compileMatcher(java: string, options: MatcherOptions = {}): Matcher {
  let node: RegexNode | undefined
  const parsed = (): RegexNode => (node ??= parseJavaRegex(java).node)
  if (options.native === false) return linearMatcher(parsed())
  const { maxLength } = options
  const slow = (): Matcher => {
    const n = parsed()
    const unbounded = (): Matcher => nativeMatcher(n) ?? templateMatcher(n) ?? separatedMatcher(n) ?? linearMatcher(n)
    // Within a known length the bounded RegExp is the cheapest to set up; longer text takes the other paths.
    return (maxLength === undefined ? undefined : boundedMatcher(n, maxLength, unbounded)) ?? unbounded()
  }
  let full: Matcher | undefined
  const other =
    (options.js === undefined ? undefined : quickMatcher(options.js, maxLength, () => (full ??= slow()))) ?? slow()
  return options.table === false ? other : tableMatcher(parsed, other, options.tableAfter)
}
