import { decodeToken, encodeToken } from '../shared/text.js'
import type { Can } from './context.js'
import type { Table } from './engine/table.js'
import { invalidParameter } from './errors.js'

/** One page of rows in creation order, and the token of the next page if there is one. */
export function page<Row>(
  cx: Can<'InvalidParameterException'>,
  table: Table<Row>,
  key: (row: Row) => string,
  rows: Iterable<Row>,
  max: number,
  token: string | undefined,
): { items: Row[]; next: string | undefined } {
  const after = token === undefined ? -1 : decode(cx, token)
  const items: Row[] = []
  let more = false
  for (const row of rows) {
    if (table.seq(key(row)) <= after) continue
    if (items.length === max) {
      more = true
      break
    }
    items.push(row)
  }
  const last = items[items.length - 1]
  return { items, next: more && last !== undefined ? encode(table.seq(key(last))) : undefined }
}

function encode(seq: number): string {
  return encodeToken({ v: 1, after: seq })
}

function decode(cx: Can<'InvalidParameterException'>, token: string): number {
  const parsed = decodeToken(token) as { v?: number; after?: unknown } | undefined
  if (parsed?.v === 1 && typeof parsed.after === 'number') return parsed.after
  // Seen (Medium): InvalidParameterException for a token Cognito cannot use (an AWS Solutions project maps ListUsers'
  // InvalidParameterException to it). Cognito says `Paging marker <token> is invalid for request <request id>`
  // (https://github.com/aws/aws-sdk-js/issues/3705); chosen: this wording, as no request id reaches the simulation.
  throw invalidParameter(cx, 'Invalid pagination token.')
}
