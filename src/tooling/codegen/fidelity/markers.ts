import { type SourceComment, sourceComments } from './comments.js'

/** How a behaviour came to be: observed from real Cognito (seen) or decided without evidence (chosen). */
export type MarkerKind = 'seen' | 'chosen'

/** A behaviour a comment marks as seen or chosen, or a difference from Cognito it states. */
export interface Marker {
  /** The file, relative to the project root, with `/` separators. */
  readonly file: string
  /** The line of the first marking word (or of the comment when none). */
  readonly line: number
  /** The marking words the text holds, `seen` first: both when a seen behaviour has a chosen detail. */
  readonly kinds: readonly MarkerKind[]
  /** The comment's sentences that hold a marking word, whitespace collapsed. */
  readonly text: string
  /** The code the comment stands above (trimmed, shortened), for context; not for declarations. */
  readonly context?: string
}

/** A marking word: "seen" or "chosen", whole word, any case. */
const MARKING = /\b(seen|chosen)\b/gi

/** Phrases that state a known difference from Cognito. */
export const DIFFERENCE_PHRASES: readonly RegExp[] = [
  /\bunlike\b/i,
  /\bdiffers? from\b/i,
  /\bnot (?:yet )?simulated\b/i,
  /\b(?:does not|doesn't|do not|never) simulate\b/i,
  /\bCognito\b[^;]*;\s*(?:(?:the|this) simulation|we)\b/i,
  /\breal Cognito\b[^;]*;\s*this\b/i,
  /\bCognito itself\b/i,
  /\b(?:the|this) simulation (?:does not|doesn't|never) (?:answer|read|send|support|check|call|retry|encrypt)/i,
]

/** Sentences of fewer words than this take the sentence before them along. */
const SHORT_SENTENCE = 8

/** Abbreviations after which a full stop ends no sentence. */
const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|cf)\.$/i

/** Where each sentence of a text starts and ends; quoted and code text never ends one. */
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = []
  let start = 0
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '`' || c === '"') {
      if (quote === c) quote = undefined
      else if (quote === undefined) quote = c
      continue
    }
    if (quote !== undefined || !/\s/.test(c)) continue
    const before = text.slice(start, i).trimEnd()
    const next = text.slice(i).trimStart()[0]
    if (/[.!?]["')`]*$/.test(before) && !ABBREVIATIONS.test(before) && next !== undefined && /[A-Z"`]/.test(next)) {
      spans.push({ start, end: i })
      start = i
      while (start < text.length && /\s/.test(text[start]!)) start++
      i = start - 1
    }
  }
  if (text.slice(start).trim() !== '') spans.push({ start, end: text.length })
  return spans
}

/** The sentences of a text, trimmed: a new one after `.`, `!` or `?` and a capital, outside quotes and code. */
export function sentences(text: string): string[] {
  return sentenceSpans(text).map((s) => text.slice(s.start, s.end).trim())
}

/** A code line that goes on over the next line: an open bracket, an operator or an arrow at its end. */
const CONTINUED = /(?:[([{,=?:]|=>|&&|\|\||\+)$/

/** A code line that carries on the line before it: it starts with an operator or a member access. */
const LEADING = /^(?:[?:.]|&&|\|\||\+)/

/** Whether a code line is an `if (…)` whose statement is on the next line. */
function bareIf(text: string): boolean {
  const head = /^(?:\}\s*)?(?:else\s+)?if\s*\(/.exec(text)
  if (!head) return false
  let depth = 0
  for (let i = head[0].length - 1; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')' && --depth === 0) return i === text.length - 1
  }
  return false
}

/** Declarations a JSDoc comment describes by itself: no code is shown for them. */
const DECLARATION = /^(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function|class|interface|type|enum|abstract)\b/

/** The longest code shown after a marker, in characters. */
const CONTEXT_LENGTH = 100

/**
 * The code a comment stands above, for context: its next statement's lines joined (up to a readable length),
 * or undefined at the end of the file, for a comment on the line of its code, and above a declaration.
 */
function codeAfter(lines: readonly string[], comment: SourceComment): string | undefined {
  if (!comment.ownLine) return undefined
  let code = ''
  for (let k = comment.endLine; k < lines.length && code.length < CONTEXT_LENGTH; k++) {
    const text = lines[k]!.trim()
    if (text === '' || text.startsWith('//')) continue
    if (code === '' && DECLARATION.test(text)) return undefined
    code = code === '' ? text : `${code}${/[([]$/.test(code) ? '' : ' '}${text}`
    const next = lines[k + 1]?.trim() ?? ''
    if (!CONTINUED.test(text) && !bareIf(text) && !LEADING.test(next)) break
  }
  if (code === '') return undefined
  return code.length > CONTEXT_LENGTH ? `${code.slice(0, CONTEXT_LENGTH - 1)}…` : code
}

/** The sentences of a comment that match, with the line of the first match; undefined when none does. */
function matching(
  comment: SourceComment,
  test: (sentence: string) => RegExpExecArray | null,
): { text: string; line: number } | undefined {
  const flat = comment.text.replace(/\n/g, ' ')
  const spans = sentenceSpans(flat)
  const taken = new Set<number>()
  let line: number | undefined
  for (const [index, span] of spans.entries()) {
    const sentence = flat.slice(span.start, span.end)
    const found = test(sentence)
    if (!found) continue
    taken.add(index)
    // A short sentence ("Wording chosen for the refusals.") says what it marks in the one before.
    if (index > 0 && sentence.trim().split(/\s+/).length < SHORT_SENTENCE) taken.add(index - 1)
    if (line === undefined) {
      const offset = span.start + found.index
      line = comment.line + (comment.text.slice(0, offset).match(/\n/g)?.length ?? 0)
    }
  }
  if (line === undefined) return undefined
  const text = [...taken]
    .sort((a, b) => a - b)
    .map((i) => flat.slice(spans[i]!.start, spans[i]!.end).trim().replace(/\s+/g, ' '))
    .join(' ')
  return { text, line }
}

/** The behaviours the comments of one file mark as seen or chosen, in line order. */
export function markersOf(file: string, source: string): Marker[] {
  const lines = source.split('\n')
  const out: Marker[] = []
  for (const comment of sourceComments(source)) {
    const found = matching(comment, (s) => new RegExp(MARKING.source, 'i').exec(s))
    if (!found) continue
    const words = new Set([...found.text.matchAll(MARKING)].map((m) => m[1]!.toLowerCase()))
    const kinds = (['seen', 'chosen'] as const).filter((k) => words.has(k))
    const context = codeAfter(lines, comment)
    out.push({ file, line: found.line, kinds, text: found.text, ...(context === undefined ? {} : { context }) })
  }
  return out
}

/** The known differences from Cognito the comments of one file state, in line order (kinds: their marking words). */
export function differencesOf(file: string, source: string): Marker[] {
  const out: Marker[] = []
  for (const comment of sourceComments(source)) {
    const found = matching(comment, (s) => {
      for (const phrase of DIFFERENCE_PHRASES) {
        const m = phrase.exec(s)
        if (m) return m
      }
      return null
    })
    if (!found) continue
    const words = new Set([...found.text.matchAll(MARKING)].map((m) => m[1]!.toLowerCase()))
    out.push({
      file,
      line: found.line,
      kinds: (['seen', 'chosen'] as const).filter((k) => words.has(k)),
      text: found.text,
    })
  }
  return out
}
