import type { Can } from '../context.js'
import { fail } from '../context.js'
import { invalidParameter } from '../errors.js'
import type { PoolRow } from './user-pools.js'
import { aliasAttributes, normalize, usernameAttributes } from './users.js'

const EMAIL = /^[^\s@]+@[^\s@]+$/
const PHONE = /^\+[0-9]{4,15}$/

/** Who a new user is: the username Cognito keeps, the key it compares, and the attributes with the username's own. */
export interface Identity {
  readonly username: string
  readonly key: string
  readonly attributes: Array<[string, string]>
}

/**
 * The identity of a new user named `name`, with Cognito's checks. In a pool whose username is an email or phone
 * number the name must be one (seen: "Username should be an email."), matches that attribute (seen: "User email
 * should be empty or same as username, since username attribute is email"), must not be taken (seen: "An account
 * with the given email already exists."), and the username kept is the `sub` (seen in AdminGetUser output). In a
 * pool with an email alias the name must not look like an email (seen: "Username cannot be of email format, since
 * user pool is configured for email alias."). The phone-number variants of these messages are chosen by analogy.
 */
export function newIdentity(
  cx: Can<'InvalidParameterException' | 'UsernameExistsException'>,
  pool: PoolRow,
  name: string,
  attributes: ReadonlyArray<readonly [string, string]>,
  sub: string,
  taken: string,
): Identity {
  const kinds = usernameAttributes(pool)
  const list = attributes.map(([n, v]) => [n, v] as [string, string])
  if (kinds.length > 0) {
    const isEmail = kinds.includes('email') && EMAIL.test(name)
    const isPhone = kinds.includes('phone_number') && PHONE.test(name)
    if (!isEmail && !isPhone) {
      if (kinds.length > 1) throw invalidParameter(cx, 'Username should be either an email or a phone number.')
      throw invalidParameter(
        cx,
        kinds[0] === 'email' ? 'Username should be an email.' : 'Username should be a phone number.',
      )
    }
    const attr = isEmail ? 'email' : 'phone_number'
    const given = list.find(([n]) => n === attr)
    if (given && given[1] !== name) {
      throw invalidParameter(
        cx,
        `User ${attr} should be empty or same as username, since username attribute is ${attr}`,
      )
    }
    if (cx.tables.users.find('alias', `${pool.pool.Id}/${attr}:${normalize(pool, name)}`)) {
      throw fail(cx, 'UsernameExistsException', `An account with the given ${attr} already exists.`)
    }
    if (!given) list.push([attr, name])
    return { username: sub, key: sub, attributes: list }
  }
  const aliases = aliasAttributes(pool)
  if (aliases.includes('email') && EMAIL.test(name))
    throw invalidParameter(cx, 'Username cannot be of email format, since user pool is configured for email alias.')
  if (aliases.includes('phone_number') && PHONE.test(name)) {
    throw invalidParameter(
      cx,
      'Username cannot be of phone number format, since user pool is configured for phone number alias.',
    )
  }
  const key = normalize(pool, name)
  if (cx.tables.users.has(`${pool.pool.Id}/${key}`)) throw fail(cx, 'UsernameExistsException', taken)
  return { username: name, key, attributes: list }
}
