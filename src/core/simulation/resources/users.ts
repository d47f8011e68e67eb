import type { AttributeType, UserStatusType, UserType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { passwordKey } from './password-keys.js'
import type { PoolRow } from './user-pools.js'

/** A one-time code the pool sent: for confirming sign-up, resetting a password or verifying an attribute. */
export interface CodeRow {
  readonly code: string
  /** Epoch seconds after which the code is refused as expired. */
  readonly expires: number
  /** The attribute the code was sent to (it becomes verified when the code is used). */
  readonly attribute?: string | undefined
}

/** The MFA methods a user has turned on, its preference, and its software token. */
export interface MfaSettings {
  readonly sms: boolean
  readonly email: boolean
  readonly totp: boolean
  readonly preferred?: 'SMS_MFA' | 'EMAIL_OTP' | 'SOFTWARE_TOKEN_MFA' | undefined
  /** The verified TOTP secret (base32). */
  readonly totpSecret?: string | undefined
  /** A secret AssociateSoftwareToken gave out that VerifySoftwareToken has not yet confirmed. */
  readonly totpPending?: string | undefined
  readonly totpName?: string | undefined
  /** The last time step whose code was accepted: an older or equal one is refused as used. */
  readonly totpLastStep?: number | undefined
}

/** What a code is for. */
export type CodePurpose = 'signUp' | 'forgotPassword' | `verify:${string}`

/** A user as the simulation keeps it. */
export interface UserRow {
  readonly poolId: string
  /** The username as Cognito returns it (the `sub` in pools whose username is an email or phone number). */
  readonly username: string
  /** The username as the pool compares it (lower case where the pool is case-insensitive). */
  readonly key: string
  readonly sub: string
  /** The attributes in the order Cognito lists them: `sub` first, then as they were set. */
  readonly attributes: ReadonlyArray<readonly [string, string]>
  readonly status: UserStatusType
  readonly enabled: boolean
  /** The current password's key (see passwordKey: a salted hash, SRP's x); the password itself is never kept. */
  readonly passwordKey?: string | undefined
  /** The keys of earlier passwords, newest first, as many as the pool's PasswordHistorySize needs. */
  readonly history: readonly string[]
  /** When a temporary password (FORCE_CHANGE_PASSWORD) stops being accepted, epoch seconds. */
  readonly temporaryExpires?: number | undefined
  /** The values the user signs in with besides the username: `email:<value>`, `phone_number:<value>`. */
  readonly aliases: readonly string[]
  /** Outstanding codes by purpose. */
  readonly codes: Readonly<Partial<Record<CodePurpose, CodeRow>>>
  /** Attribute values waiting for verification before they replace the current ones. */
  readonly pending: ReadonlyArray<readonly [string, string]>
  /** Recent calls per limited action (epoch seconds), for Cognito's attempt limits. */
  readonly attempts: Readonly<Record<string, readonly number[]>>
  /** The user's MFA settings and software token. */
  readonly mfa?: MfaSettings | undefined
  /** Failed sign-ins in a row and the lockout they earned. */
  readonly lockout?: { readonly failures: number; readonly last: number; readonly until: number } | undefined
  readonly created: number
  readonly modified: number
}

/** Users, by `<poolId>/<key>`, belonging to their pool, found by `sub` and by alias. */
export const usersTable = table<UserRow>({
  key: (row) => `${row.poolId}/${row.key}`,
  parent: { table: 'pools', key: (row) => row.poolId },
  indexes: {
    sub: (row) => `${row.poolId}/${row.sub}`,
    alias: (row) => row.aliases.map((alias) => `${row.poolId}/${alias}`),
  },
  upgrade: keyedPasswords,
})

/**
 * A row stored before passwords were kept as keys (0.1.0 kept `password` and `history` in clear): its passwords
 * become keys as it is loaded, so a data directory written then still signs its users in, and holds no password
 * once it is written again.
 */
function keyedPasswords(row: UserRow): UserRow {
  const old = row as UserRow & { readonly password?: unknown }
  if (!('password' in old)) return row
  const { password, ...rest } = old
  return {
    ...rest,
    ...(typeof password === 'string' && { passwordKey: passwordKey(row, password) }),
    history: old.history.map((h) => passwordKey(row, h)),
  }
}

/** Whether the pool compares usernames and aliases without regard to case (UsernameConfiguration.CaseSensitive false). */
export function caseInsensitive(pool: PoolRow): boolean {
  return pool.pool.UsernameConfiguration?.CaseSensitive === false
}

/** A username or alias value as the pool compares it. */
export function normalize(pool: PoolRow, value: string): string {
  return caseInsensitive(pool) ? value.toLowerCase() : value
}

/** The attributes a pool signs users in with instead of a username (UsernameAttributes), if any. */
export function usernameAttributes(pool: PoolRow): readonly string[] {
  return pool.pool.UsernameAttributes ?? []
}

/** The attributes a pool lets users sign in with besides their username (AliasAttributes), if any. */
export function aliasAttributes(pool: PoolRow): readonly string[] {
  return pool.pool.AliasAttributes ?? []
}

/** An attribute's value, if the user has it. */
export function attribute(user: UserRow, name: string): string | undefined {
  return user.attributes.find(([n]) => n === name)?.[1]
}

/** Whether `<name>_verified` is "true". */
export function verified(user: UserRow, name: 'email' | 'phone_number'): boolean {
  return attribute(user, `${name}_verified`) === 'true'
}

/**
 * The aliases a user signs in with, given its attributes and status: in pools with UsernameAttributes, its
 * email or phone number always; in pools with AliasAttributes, verified email and phone numbers of confirmed
 * users and `preferred_username` (Cognito's documented alias rules).
 */
export function aliasesOf(
  pool: PoolRow,
  attributes: ReadonlyArray<readonly [string, string]>,
  status: UserStatusType,
): string[] {
  const get = (name: string) => attributes.find(([n]) => n === name)?.[1]
  const out: string[] = []
  for (const name of usernameAttributes(pool)) {
    const value = get(name)
    if (value) out.push(`${name}:${normalize(pool, value)}`)
  }
  for (const name of aliasAttributes(pool)) {
    const value = get(name)
    if (!value) continue
    const isVerified = name === 'preferred_username' || get(`${name}_verified`) === 'true'
    if (isVerified && status !== 'UNCONFIRMED') out.push(`${name}:${normalize(pool, value)}`)
  }
  return out
}

/**
 * The user a request names: by username, or by any alias or `sub` (as Cognito's operations accept them), or
 * undefined.
 */
export function lookupUser(cx: Can<never>, pool: PoolRow, name: string): UserRow | undefined {
  const poolId = pool.pool.Id
  const users = cx.tables.users
  const direct = users.get(`${poolId}/${normalize(pool, name)}`)
  if (direct) return direct
  for (const attributeName of [...usernameAttributes(pool), ...aliasAttributes(pool)]) {
    const byAlias = users.find('alias', `${poolId}/${attributeName}:${normalize(pool, name)}`)
    if (byAlias) return byAlias
  }
  return users.find('sub', `${poolId}/${name}`)
}

/** The user a request names, or Cognito's UserNotFoundException ("User does not exist.", seen from Cognito). */
export function findUser(cx: Can<'UserNotFoundException'>, pool: PoolRow, name: string): UserRow {
  const user = lookupUser(cx, pool, name)
  if (!user) throw fail(cx, 'UserNotFoundException', 'User does not exist.')
  return user
}

/** The user's attributes as Cognito lists them. */
export function attributeList(user: UserRow, only?: readonly string[]): AttributeType[] {
  const wanted = only ? new Set(only) : undefined
  return user.attributes.filter(([name]) => !wanted || wanted.has(name)).map(([Name, Value]) => ({ Name, Value }))
}

/** The user as AdminCreateUser and ListUsers return it (UserType). */
export function describeUser(user: UserRow, only?: readonly string[]): UserType {
  return {
    Username: user.username,
    Attributes: attributeList(user, only),
    UserCreateDate: user.created,
    UserLastModifiedDate: user.modified,
    Enabled: user.enabled,
    UserStatus: user.status,
  }
}

/**
 * A copy of the user with these changes, LastModifiedDate moved to now and its aliases recomputed, leaving out
 * any another user already holds (so that an alias always names one user; `claimAliases` takes them over).
 */
export function changed(cx: Can<never>, pool: PoolRow, user: UserRow, changes: Partial<UserRow>): UserRow {
  const next = { ...user, ...changes }
  const aliases = aliasesOf(pool, next.attributes, next.status)
  return withoutTakenAliases(cx, { ...next, aliases, modified: Math.max(cx.now(), user.modified) })
}

/**
 * The user holding all of its aliases, taken from other users. Another user holding one gives it up when `force`
 * (its address is no longer verified, as Cognito documents for ForceAliasCreation), else AliasExistsException.
 * Seen from Cognito: "An account with the email already exists."; the other attributes' wording is by analogy.
 */
export function claimAliases(cx: Can<'AliasExistsException'>, pool: PoolRow, user: UserRow, force: boolean): UserRow {
  const aliases = aliasesOf(pool, user.attributes, user.status)
  for (const alias of aliases) {
    const holder = cx.tables.users.find('alias', `${user.poolId}/${alias}`)
    if (!holder || holder.key === user.key) continue
    const name = alias.slice(0, alias.indexOf(':'))
    if (!force) throw fail(cx, 'AliasExistsException', `An account with the ${name} already exists.`)
    const flag = `${name}_verified`
    const attributes =
      name === 'preferred_username'
        ? holder.attributes.filter(([n]) => n !== name)
        : holder.attributes.map(([n, v]) => [n, n === flag ? 'false' : v] as const)
    cx.tables.users.put(changed(cx, pool, holder, { attributes }))
  }
  return { ...user, aliases }
}

/** The user without the aliases another user already holds (for changes that cannot answer AliasExistsException). */
export function withoutTakenAliases(cx: Can<never>, user: UserRow): UserRow {
  const aliases = user.aliases.filter((alias) => {
    const holder = cx.tables.users.find('alias', `${user.poolId}/${alias}`)
    return !holder || holder.key === user.key
  })
  return aliases.length === user.aliases.length ? user : { ...user, aliases }
}

/** The user a request names, for operations that do not model UserNotFoundException: ResourceNotFoundException (chosen). */
export function findUserOrResource(cx: Can<'ResourceNotFoundException'>, pool: PoolRow, name: string): UserRow {
  const user = lookupUser(cx, pool, name)
  if (!user) throw fail(cx, 'ResourceNotFoundException', 'User does not exist.')
  return user
}
