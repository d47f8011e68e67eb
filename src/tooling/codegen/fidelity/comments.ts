/** A comment of a source file: its first and last lines (1-based) and its text, one line per source line. */
export interface SourceComment {
  /** The line its text starts on (after the empty first line of a JSDoc comment). */
  readonly line: number
  /** The line the comment ends on. */
  readonly endLine: number
  /** The text without `//`, `/*`, `*\/` and the leading `*` of JSDoc lines; source lines joined with `\n`. */
  readonly text: string
  /** Whether it is a block comment (`/* *\/` or JSDoc) rather than line comments. */
  readonly block: boolean
  /** Whether nothing but whitespace precedes it on its first line. */
  readonly ownLine: boolean
}

/** Words after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORDS = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
])

/** Whether a `/` at `i` (not a comment) starts a regular expression, judged by the code before it. */
function startsRegex(source: string, i: number): boolean {
  let j = i - 1
  while (j >= 0 && /\s/.test(source[j]!)) j--
  if (j < 0) return true
  const c = source[j]!
  if (/[(,=:[!&|?{};+\-*%<>~^]/.test(c)) return true
  if (!/[\w$]/.test(c)) return false
  let k = j
  while (k >= 0 && /[\w$]/.test(source[k]!)) k--
  return REGEX_AFTER_WORDS.has(source.slice(k + 1, j + 1))
}

/** The lines of a block comment's body without the JSDoc stars that start them, and how many empty lines led. */
function blockText(body: string): { text: string; skipped: number } {
  const lines = body
    .replace(/^\*/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\*(?: |$)/, '').trim())
  let skipped = 0
  while (lines.length > 0 && lines[0] === '') {
    lines.shift()
    skipped++
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return { text: lines.join('\n'), skipped }
}

/**
 * The comments of TypeScript source, in order. Line comments alone on consecutive lines are one comment.
 * Strings, template literals (with their `${}` parts) and regular expressions are skipped, so a `//` in a URL
 * or a word in a message is never taken for a comment.
 */
export function sourceComments(source: string): SourceComment[] {
  const out: SourceComment[] = []
  // What encloses the scanner: a template literal, or the braces of a template's `${}` (with their depth).
  const stack: Array<{ kind: 'template' } | { kind: 'expression'; depth: number }> = []
  let line = 1
  let lineStart = 0
  let i = 0
  const n = source.length
  const advanceTo = (end: number) => {
    for (let k = i; k < end; k++)
      if (source[k] === '\n') {
        line++
        lineStart = k + 1
      }
    i = end
  }
  while (i < n) {
    const c = source[i]!
    const top = stack[stack.length - 1]
    if (top?.kind === 'template') {
      if (c === '\\') advanceTo(i + 2)
      else if (c === '`') {
        stack.pop()
        advanceTo(i + 1)
      } else if (c === '$' && source[i + 1] === '{') {
        stack.push({ kind: 'expression', depth: 0 })
        advanceTo(i + 2)
      } else advanceTo(i + 1)
      continue
    }
    if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i)
      const stop = end === -1 ? n : end
      const ownLine = source.slice(lineStart, i).trim() === ''
      const text = source
        .slice(i + 2, stop)
        .replace(/^\s/, '')
        .trimEnd()
      const last = out[out.length - 1]
      if (last && !last.block && last.ownLine && ownLine && last.endLine === line - 1)
        out[out.length - 1] = { ...last, endLine: line, text: `${last.text}\n${text}` }
      else out.push({ line, endLine: line, text, block: false, ownLine })
      advanceTo(stop)
      continue
    }
    if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2)
      const stop = end === -1 ? n : end + 2
      const first = line
      const ownLine = source.slice(lineStart, i).trim() === ''
      const body = source.slice(i + 2, end === -1 ? n : end)
      advanceTo(stop)
      const { text, skipped } = blockText(body)
      out.push({ line: first + skipped, endLine: line, text, block: true, ownLine })
      continue
    }
    if (c === "'" || c === '"') {
      let k = i + 1
      while (k < n && source[k] !== c && source[k] !== '\n') k += source[k] === '\\' ? 2 : 1
      advanceTo(Math.min(k + 1, n))
      continue
    }
    if (c === '`') {
      stack.push({ kind: 'template' })
      advanceTo(i + 1)
      continue
    }
    if (c === '/' && startsRegex(source, i)) {
      let k = i + 1
      let inClass = false
      while (k < n && source[k] !== '\n') {
        const d = source[k]!
        if (d === '\\') k++
        else if (d === '[') inClass = true
        else if (d === ']') inClass = false
        else if (d === '/' && !inClass) break
        k++
      }
      advanceTo(Math.min(k + 1, n))
      continue
    }
    if (top?.kind === 'expression') {
      if (c === '{') top.depth++
      else if (c === '}') {
        if (top.depth === 0) stack.pop()
        else top.depth--
      }
    }
    advanceTo(i + 1)
  }
  return out
}
