/** One character test: the JavaScript source of a single-character class, compiled once for matching. */
export interface CharSet {
  readonly kind: 'set'
  /** JavaScript regex source that matches exactly one character of the set (u flag). */
  readonly js: string
}

/** The parsed form of a Java regular expression, restricted to what service models use. */
export type RegexNode =
  | CharSet
  | { readonly kind: 'seq'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'alt'; readonly options: readonly RegexNode[] }
  | { readonly kind: 'repeat'; readonly node: RegexNode; readonly min: number; readonly max: number }
  | { readonly kind: 'start' }
  | { readonly kind: 'end' }
  | { readonly kind: 'look'; readonly behind: boolean; readonly negate: boolean; readonly set: CharSet }

/** A parsed pattern: its tree and whether `(?s)` made `.` match line terminators. */
export interface ParsedRegex {
  readonly source: string
  readonly node: RegexNode
}
