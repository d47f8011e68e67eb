import type { PoolRow } from './user-pools.js'

/** csv-parse's synchronous parser (its browser build: it runs wherever the simulation does). */
type Parse = typeof import('csv-parse/browser/esm/sync').parse

let parser: Promise<Parse> | undefined

/** The CSV parser, loaded on first use (only a started import needs it, so nothing else pays for it). */
export function csvParser(): Promise<Parse> {
  parser ??= import('csv-parse/browser/esm/sync').then((m) => m.parse)
  return parser
}

/** Seen from Cognito: "The maximum number of rows (users) in the file is 500,000" (header excluded; DG23). */
export const MAX_ROWS = 500_000
/** Seen from Cognito: "The maximum row length is 16,000 characters." (DG23). */
export const MAX_ROW_CHARACTERS = 16_000
/** Seen from Cognito: "The maximum .csv file size is 100 MB." (DG23); chosen: MiB. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024

/**
 * The columns of a pool's import file (GetCSVHeader): the schema's attributes but `sub` and developer-only ones, then
 * `cognito:mfa_enabled` and `cognito:username` (Seen from Cognito: CLI:get-csv-header), then the custom attributes
 * (seen, Medium: a capture's header ends `…,cognito:mfa_enabled,cognito:username,custom:role,custom:studio_id`,
 * GH-code("cognito:mfa_enabled,cognito:username,custom")).
 */
export function csvColumns(pool: PoolRow): string[] {
  const names = (pool.pool.SchemaAttributes ?? [])
    .map((a) => a.Name!)
    .filter((n) => n !== 'sub' && !n.startsWith('dev:'))
  return [
    ...names.filter((n) => !n.startsWith('custom:')),
    'cognito:mfa_enabled',
    'cognito:username',
    ...names.filter((n) => n.startsWith('custom:')),
  ]
}

/** One physical line of a file: its number (the header is line 1) and its text without the line break. */
export interface CsvLine {
  readonly number: number
  readonly text: string
}

/** Where reading a file stopped: the character offset and the number of the next line. */
export interface CsvCursor {
  readonly offset: number
  readonly line: number
}

/**
 * The next `count` lines that hold anything from `cursor` on, and where reading stopped. Splitting at line breaks is
 * safe because Cognito's files quote nothing (Seen from Cognito: "Attribute values that are strings should not be in
 * quotation marks."), so no value spans two lines; blank lines are passed over (chosen: they hold no user).
 */
export function takeLines(text: string, cursor: CsvCursor, count: number): { lines: CsvLine[]; next: CsvCursor } {
  const lines: CsvLine[] = []
  let { offset, line } = cursor
  while (lines.length < count && offset < text.length) {
    let end = text.indexOf('\n', offset)
    if (end < 0) end = text.length
    const raw = text.charCodeAt(end - 1) === 13 ? text.slice(offset, end - 1) : text.slice(offset, end)
    if (raw.trim() !== '') lines.push({ number: line, text: raw })
    line++
    offset = end + 1
  }
  return { lines, next: { offset, line } }
}

/** How many lines that hold anything the file has from `cursor` on. */
export function countLines(text: string, cursor: CsvCursor): number {
  let n = 0
  let { offset } = cursor
  while (offset < text.length) {
    let end = text.indexOf('\n', offset)
    if (end < 0) end = text.length
    for (let i = offset; i < end; i++) {
      const c = text.charCodeAt(i)
      if (c !== 32 && c !== 9 && c !== 13) {
        n++
        break
      }
    }
    offset = end + 1
  }
  return n
}

/** A character the text does not hold, to stand for the escaped commas while the parser splits the fields. */
function standIn(text: string): string {
  for (let code = 0xe000; code < 0xf8ff; code++) {
    const c = String.fromCharCode(code)
    if (!text.includes(c)) return c
  }
  return '\u0000'
}

/**
 * The values of each line, parsed by csv-parse with Cognito's rules (Seen from Cognito, DG23: values are not quoted,
 * a comma inside a value is written `\,`, leading and trailing white space is trimmed). csv-parse knows no escape
 * outside quotes, so `\,` stands in as a character the text lacks while it splits the fields.
 */
export function parseLines(parse: Parse, lines: readonly CsvLine[]): string[][] {
  if (lines.length === 0) return []
  const joined = lines.map((l) => l.text).join('\n')
  const comma = standIn(joined)
  // Bytes, encoded natively: handed a string, the browser build encodes it with a slow polyfill of Buffer.
  const records = parse(new TextEncoder().encode(joined.replaceAll('\\,', comma)), {
    delimiter: ',',
    quote: false,
    record_delimiter: '\n',
    relax_column_count: true,
    skip_empty_lines: false,
    trim: true,
    bom: false,
  })
  return records.map((values) => values.map((v) => (v.includes(comma) ? v.replaceAll(comma, ',') : v)))
}

/**
 * Why a file cannot be imported before its header is read: Seen from Cognito, "UTF-8 format without byte order mark"
 * (DG23); chosen: a file that starts with one fails, with this message.
 */
export function fileProblem(text: string): string | undefined {
  return text.charCodeAt(0) === 0xfeff ? 'The CSV file starts with a byte order mark.' : undefined
}

/**
 * Why a file's header cannot be imported, or undefined when it names each of the pool's columns once, in any order
 * (Seen from Cognito: "All columns in the header must be present", "The order of columns in the .csv file doesn't
 * matter", DG23). Chosen without evidence: the messages, and that a header with a column the pool does not have, or
 * with one twice, fails the job too (Cognito fails a job whose file it cannot parse, DG23).
 */
export function headerProblem(header: readonly string[] | undefined, columns: readonly string[]): string | undefined {
  if (!header || header.length === 0 || (header.length === 1 && header[0] === '')) return 'The CSV file is empty.'
  const seen = new Set<string>()
  const known = new Set(columns)
  for (const name of header) {
    if (seen.has(name)) return clip(`The CSV header has the column ${name} more than once.`)
    seen.add(name)
    if (!known.has(name)) return clip(`The CSV header has a column the user pool does not have: ${name}`)
  }
  const missing = columns.find((c) => !seen.has(c))
  return missing === undefined ? undefined : clip(`The CSV header does not have the column ${missing}.`)
}

/** A completion message within the model's 128 characters. */
function clip(text: string): string {
  return text.length <= 128 ? text : `${text.slice(0, 125)}...`
}
