import type { CharSet, ParsedRegex, RegexNode } from './ast.js'

/** Java's `\s`: space, tab, newline, vertical tab, form feed, carriage return (never Unicode spaces). */
const JAVA_SPACE = '\\t\\n\\x0B\\f\\r '
/** Java's `.` without DOTALL excludes these line terminators. */
const JAVA_DOT = '[^\\n\\r\\u0085\\u2028\\u2029]'
const SYNTAX = new Set('^$\\.*+?()[]{}|/')
const CLASS_SPECIAL = new Set('\\]-[^')

/** Thrown when a pattern uses Java regex syntax this translator does not support. */
export class UnsupportedRegexError extends Error {
  override name = 'UnsupportedRegexError'
}

const set = (js: string): CharSet => ({ kind: 'set', js })

const NAMED: Record<number, string> = { 9: '\\t', 10: '\\n', 11: '\\x0B', 12: '\\f', 13: '\\r', 32: ' ' }

function hex(cp: number): string {
  return NAMED[cp] ?? `\\u{${cp.toString(16).toUpperCase()}}`
}

function printable(cp: number): boolean {
  return cp > 0x20 && cp < 0x7f
}

/** JavaScript source for one literal character outside a class. */
export function literalJs(cp: number): string {
  const ch = String.fromCodePoint(cp)
  if (SYNTAX.has(ch)) return `\\${ch}`
  return printable(cp) ? ch : hex(cp)
}

function classLiteralJs(cp: number): string {
  const ch = String.fromCodePoint(cp)
  if (CLASS_SPECIAL.has(ch)) return `\\${ch}`
  return printable(cp) ? ch : hex(cp)
}

interface ClassPart {
  /** Fragment valid inside a JavaScript `[...]`, or undefined for Java's `\S`. */
  readonly fragment?: string | undefined
}

class Parser {
  private pos = 0
  private dotAll = false

  constructor(private readonly src: string) {}

  parse(): RegexNode {
    const node = this.alternation()
    if (this.pos < this.src.length) this.fail(`unexpected '${this.src[this.pos]}'`)
    return node
  }

  private fail(why: string): never {
    throw new UnsupportedRegexError(`${why} at ${this.pos} in /${this.src}/`)
  }

  private peek(): string | undefined {
    return this.src[this.pos]
  }

  private eat(text: string): boolean {
    if (!this.src.startsWith(text, this.pos)) return false
    this.pos += text.length
    return true
  }

  private codePoint(): number {
    const cp = this.src.codePointAt(this.pos)
    if (cp === undefined) this.fail('unexpected end')
    this.pos += cp > 0xffff ? 2 : 1
    return cp
  }

  private alternation(): RegexNode {
    const options = [this.sequence()]
    while (this.eat('|')) options.push(this.sequence())
    return options.length === 1 ? options[0]! : { kind: 'alt', options }
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = []
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      if (this.eat('(?s)')) {
        this.dotAll = true
        continue
      }
      items.push(this.quantified(this.atom()))
    }
    return items.length === 1 ? items[0]! : { kind: 'seq', items }
  }

  private quantified(node: RegexNode): RegexNode {
    let min: number
    let max: number
    if (this.eat('*')) [min, max] = [0, Infinity]
    else if (this.eat('+')) [min, max] = [1, Infinity]
    else if (this.eat('?')) [min, max] = [0, 1]
    else if (this.peek() === '{' && /^\{\d/.test(this.src.slice(this.pos))) [min, max] = this.braces()
    else return node
    if (this.peek() === '+') this.fail('possessive quantifier')
    this.eat('?')
    return this.quantified({ kind: 'repeat', node, min, max })
  }

  private braces(): [number, number] {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos))
    if (!m) this.fail('malformed quantifier')
    this.pos += m[0].length
    const min = Number(m[1])
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])
    return [min, max]
  }

  private atom(): RegexNode {
    const ch = this.peek()
    if (ch === '(') return this.group()
    if (ch === '[') return this.charClass()
    if (this.eat('^')) return { kind: 'start' }
    if (this.eat('$')) return { kind: 'end' }
    if (this.eat('.')) return set(this.dotAll ? '[\\s\\S]' : JAVA_DOT)
    if (ch === '\\') return this.escape()
    if (ch === '*' || ch === '+' || ch === '?' || ch === '{') this.fail(`dangling '${ch}'`)
    return set(literalJs(this.codePoint()))
  }

  private group(): RegexNode {
    const looks: Array<[string, boolean, boolean]> = [
      ['(?<!', true, true],
      ['(?<=', true, false],
      ['(?!', false, true],
      ['(?=', false, false],
    ]
    for (const [open, behind, negate] of looks) {
      if (!this.eat(open)) continue
      const inner = this.alternation()
      if (!this.eat(')')) this.fail('unclosed lookaround')
      if (inner.kind !== 'set') this.fail('lookaround other than one character')
      return { kind: 'look', behind, negate, set: inner }
    }
    if (!this.eat('(?:')) {
      this.eat('(')
      if (this.peek() === '?') this.fail('unsupported group')
    }
    const inner = this.alternation()
    if (!this.eat(')')) this.fail('unclosed group')
    return inner
  }

  private escape(): RegexNode {
    const part = this.escapePart(false)
    if (part.fragment === undefined) return set(`[^${JAVA_SPACE}]`)
    return set(part.fragment === JAVA_SPACE ? `[${JAVA_SPACE}]` : part.fragment)
  }

  /** Reads one escape; `inClass` changes how a literal is spelled. */
  private escapePart(inClass: boolean): ClassPart {
    this.eat('\\')
    const ch = this.src[this.pos]
    if (ch === undefined) this.fail('trailing backslash')
    this.pos++
    switch (ch) {
      case 'w':
      case 'W':
      case 'd':
      case 'D':
        return { fragment: `\\${ch}` }
      case 's':
        return { fragment: JAVA_SPACE }
      case 'S':
        return {}
      case 'p':
      case 'P': {
        const m = /^\{(\w+)\}/.exec(this.src.slice(this.pos))
        if (!m) this.fail('malformed \\p')
        this.pos += m[0].length
        return { fragment: `\\${ch}{${m[1]}}` }
      }
      case 't':
        return { fragment: this.lit(0x09, inClass) }
      case 'n':
        return { fragment: this.lit(0x0a, inClass) }
      case 'r':
        return { fragment: this.lit(0x0d, inClass) }
      case 'f':
        return { fragment: this.lit(0x0c, inClass) }
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.pos))
        if (!m) this.fail('malformed \\x')
        this.pos += 2
        return { fragment: this.lit(parseInt(m[0], 16), inClass) }
      }
      case 'u': {
        const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.pos))
        if (!m) this.fail('malformed \\u')
        this.pos += 4
        return { fragment: this.lit(parseInt(m[0], 16), inClass) }
      }
      default:
        if (/[a-zA-Z0-9]/.test(ch)) this.fail(`unsupported escape \\${ch}`)
        return { fragment: this.lit(ch.codePointAt(0)!, inClass) }
    }
  }

  private lit(cp: number, inClass: boolean): string {
    return inClass ? classLiteralJs(cp) : literalJs(cp)
  }

  private charClass(): CharSet {
    this.eat('[')
    const negated = this.eat('^')
    const fragments: string[] = []
    let notSpace = false
    let first = true
    while (this.peek() !== ']' || first) {
      if (this.pos >= this.src.length) this.fail('unclosed class')
      if (this.peek() === '[') this.fail('nested class')
      first = false
      const part = this.classAtom()
      if (part === undefined) {
        notSpace = true
        continue
      }
      fragments.push(part)
    }
    this.eat(']')
    if (negated && notSpace) this.fail('\\S inside a negated class')
    const body = fragments.join('')
    if (negated) return set(`[^${body}]`)
    if (!notSpace) return set(`[${body}]`)
    return set(body ? `(?:[${body}]|[^${JAVA_SPACE}])` : `[^${JAVA_SPACE}]`)
  }

  /** One class member: a character, a range or an escape; undefined stands for Java's `\S`. */
  private classAtom(): string | undefined {
    if (this.peek() === '\\') {
      const part = this.escapePart(true)
      if (part.fragment === undefined) return undefined
      const single = /^(\\u\{[0-9A-F]+\}|\\.|[^\\])$/u.test(part.fragment)
      return single ? this.maybeRange(part.fragment) : part.fragment
    }
    return this.maybeRange(classLiteralJs(this.codePoint()))
  }

  private maybeRange(low: string): string {
    if (this.peek() !== '-' || this.src[this.pos + 1] === ']' || this.src[this.pos + 1] === undefined) return low
    this.pos++
    const high = this.peek() === '\\' ? this.escapePart(true).fragment : classLiteralJs(this.codePoint())
    if (high === undefined || (high.length > 2 && !high.startsWith('\\u{'))) this.fail('range to a class')
    return `${low}-${high}`
  }
}

/** Parses a Java regular expression of the kind found in AWS service models. */
export function parseJavaRegex(source: string): ParsedRegex {
  return { source, node: new Parser(source).parse() }
}
