import { decodeToken, encodeToken } from '../../shared/text.js'
import type { Can } from '../context.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { matchesFilter, parseFilter, SEARCHABLE, searchedValue } from '../resources/user-filter.js'
import { findPool } from '../resources/user-pools.js'
import { describeUser, type UserRow } from '../resources/users.js'

/** ListUsers answers this many when Limit is left out or 0 (chosen: the model's maximum; one report says 25). */
const DEFAULT_PAGE = 60
/** How long a pagination token is accepted, in seconds (AWS's documentation: an hour). */
const TOKEN_LIFETIME = 3_600

interface Cursor {
  readonly v: 1
  readonly value: string
  readonly seq: number
  readonly issued: number
}

function readToken(cx: Can<'InvalidParameterException'>, token: string): Cursor {
  const cursor = decodeToken(token) as Partial<Cursor> | undefined
  // Seen (Medium): InvalidParameterException for a token Cognito cannot use (an AWS Solutions project maps ListUsers'
  // InvalidParameterException to it). Cognito says `Paging marker <token> is invalid for request <request id>`
  // (https://github.com/aws/aws-sdk-js/issues/3705); chosen: this wording, as no request id reaches the simulation.
  if (
    cursor?.v !== 1 ||
    typeof cursor.seq !== 'number' ||
    typeof cursor.value !== 'string' ||
    typeof cursor.issued !== 'number'
  ) {
    throw invalidParameter(cx, 'Invalid pagination token.')
  }
  // Chosen wording for a token older than an hour; counted in whole seconds, as tokens are issued.
  if (Math.floor(cx.now()) - cursor.issued > TOKEN_LIFETIME)
    throw invalidParameter(cx, 'The pagination token has expired.')
  return cursor as Cursor
}

/**
 * ListUsers: the pool's users, those a filter matches sorted by the filtered attribute as the filter compares it (as AWS
 * documents; ties in creation order), others
 * in creation order; Limit at a time, AttributesToGet choosing the attributes shown.
 */
export const ListUsers = operation('ListUsers', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const filter = parseFilter(cx, input.Filter)
  const users = cx.tables.users
  const seq = (u: UserRow) => users.seq(`${u.poolId}/${u.key}`)
  const sortValue = (u: UserRow) => {
    if (!filter) return ''
    const value = searchedValue(u, filter.attribute) ?? ''
    return SEARCHABLE[filter.attribute] ? value : value.toLowerCase()
  }
  const matching = users
    .children(pool.pool.Id)
    .filter((u) => !filter || matchesFilter(u, filter))
    .map((u) => ({ u, value: sortValue(u), seq: seq(u) }))
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.seq - b.seq))
  const after = input.PaginationToken === undefined ? undefined : readToken(cx, input.PaginationToken)
  const rest = after
    ? matching.filter((m) => m.value > after.value || (m.value === after.value && m.seq > after.seq))
    : matching
  const limit = input.Limit || DEFAULT_PAGE
  const chosen = rest.slice(0, limit)
  const Users = chosen.map((m) => describeUser(m.u, input.AttributesToGet))
  const last = chosen[chosen.length - 1]
  if (rest.length <= limit || !last) return { Users }
  // Issued in whole seconds (chosen): a page asked for again within the second is the same text, kept and not re-checked.
  const cursor: Cursor = { v: 1, value: last.value, seq: last.seq, issued: Math.floor(cx.now()) }
  return { Users, PaginationToken: encodeToken(cursor) }
})
