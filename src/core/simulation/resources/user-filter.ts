import type { Can } from '../context.js'
import { invalidParameter } from '../errors.js'
import { attribute, type UserRow } from './users.js'

/** A parsed ListUsers filter: `attribute = "value"` or `attribute ^= "value"`. */
export interface UserFilter {
  readonly attribute: string
  readonly prefix: boolean
  readonly value: string
}

/**
 * The attributes ListUsers can search, and whether the search minds case (the model's documentation: `username`
 * and `status` are case-sensitive, the rest are not). Custom attributes are not searchable.
 */
export const SEARCHABLE: Readonly<Record<string, boolean>> = {
  username: true,
  email: false,
  phone_number: false,
  name: false,
  given_name: false,
  family_name: false,
  preferred_username: false,
  'cognito:user_status': false,
  status: true,
  sub: false,
}

const GRAMMAR = /^\s*(?:"([^"]*)"|([^\s"=^]+))\s*(\^=|=)\s*"((?:[^"\\]|\\.)*)"\s*$/s

/**
 * Parses a filter as Cognito does: an attribute name (bare or quoted, as in AWS's example `"email"^="testuser"`),
 * `=` or `^=`, and a double-quoted value whose inner quotes are escaped with a backslash. An empty filter matches
 * every user. Seen from Cognito: "Error while parsing filter." for text it cannot parse; the message for an
 * attribute it cannot search is chosen (emulators say "Invalid search attribute").
 */
export function parseFilter(cx: Can<'InvalidParameterException'>, text: string | undefined): UserFilter | undefined {
  if (text === undefined || text.trim() === '') return undefined
  const match = GRAMMAR.exec(text)
  if (!match) throw invalidParameter(cx, 'Error while parsing filter.')
  const name = (match[1] ?? match[2])!
  if (!Object.hasOwn(SEARCHABLE, name)) throw invalidParameter(cx, `Invalid search attribute: ${name}`)
  return { attribute: name, prefix: match[3] === '^=', value: match[4]!.replace(/\\(.)/gs, '$1') }
}

/** The value of the filtered attribute for a user. */
export function searchedValue(user: UserRow, name: string): string | undefined {
  if (name === 'username') return user.username
  if (name === 'cognito:user_status') return user.status
  if (name === 'status') return user.enabled ? 'Enabled' : 'Disabled'
  return attribute(user, name)
}

/** Whether a user matches a filter. */
export function matchesFilter(user: UserRow, filter: UserFilter): boolean {
  const raw = searchedValue(user, filter.attribute)
  if (raw === undefined) return false
  const sensitive = SEARCHABLE[filter.attribute]
  const value = sensitive ? raw : raw.toLowerCase()
  const wanted = sensitive ? filter.value : filter.value.toLowerCase()
  return filter.prefix ? value.startsWith(wanted) : value === wanted
}
