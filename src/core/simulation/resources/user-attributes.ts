import type { AttributeType, SchemaAttributeType } from '../../../../generated/types.js'
import { type Can, fail } from '../context.js'
import { invalidParameter } from '../errors.js'
import type { PoolRow } from './user-pools.js'
import { changed, type UserRow, usernameAttributes } from './users.js'

/** Who writes attributes: a user signing up or changing their own, or an administrator (who may set developer-only ones). */
export type Writer = 'user' | 'admin'

/** The attributes Cognito derives and callers cannot set. */
const DERIVED = new Set(['sub'])

/** The prefix of Cognito's message for attributes that break the pool's schema (seen from Cognito). */
const SCHEMA_PREFIX = 'Attributes did not conform to the schema: '

/** The pool's schema attributes by name. */
export function schemaOf(pool: PoolRow): Map<string, SchemaAttributeType> {
  return new Map((pool.pool.SchemaAttributes ?? []).map((a) => [a.Name!, a]))
}

/** An email address as Cognito accepts it (chosen: one `@`, no spaces, a dot in the domain is not required). */
const EMAIL = /^[^\s@]+@[^\s@]+$/
/** A phone number as Cognito accepts it: `+` and digits, E.164 (seen: "+12065551212"). */
const PHONE = /^\+[0-9]{4,15}$/

/**
 * Why one attribute value breaks its schema, or undefined. Seen from Cognito: "Attribute does not exist in the
 * schema."; the texts for lengths, numbers and immutable values are chosen.
 */
function problem(
  schema: SchemaAttributeType | undefined,
  name: string,
  value: string,
  writer: Writer,
): string | undefined {
  if (!schema || DERIVED.has(name)) return 'Attribute does not exist in the schema.'
  if (schema.DeveloperOnlyAttribute && writer !== 'admin') return 'Attribute does not exist in the schema.'
  if (schema.AttributeDataType === 'Boolean' && !/^(true|false)$/i.test(value))
    return 'Attribute value must be true or false.'
  if (schema.AttributeDataType === 'Number') {
    if (!/^-?\d+$/.test(value)) return 'Number must be a valid integer.'
    const { MinValue, MaxValue } = schema.NumberAttributeConstraints ?? {}
    if (MinValue !== undefined && Number(value) < Number(MinValue)) return `Number must be no less than ${MinValue}.`
    if (MaxValue !== undefined && Number(value) > Number(MaxValue)) return `Number must be no greater than ${MaxValue}.`
  }
  if (schema.AttributeDataType === 'String' || schema.AttributeDataType === undefined) {
    const { MinLength, MaxLength } = schema.StringAttributeConstraints ?? {}
    const length = [...value].length
    if (MaxLength !== undefined && length > Number(MaxLength))
      return `String must be no longer than ${MaxLength} characters.`
    if (MinLength !== undefined && length < Number(MinLength))
      return `String must be no shorter than ${MinLength} characters.`
  }
  return undefined
}

/**
 * The attributes an app client may read: its ReadAttributes (all when it lists none), `sub` always, developer-only
 * ones never. Seen: attributes outside an Amplify client's read permissions were missing from what GetUser answered
 * (aws-amplify/amplify-js#2642).
 */
export function readableBy<T extends readonly [string, string]>(
  readAttributes: readonly string[] | undefined,
  attributes: readonly T[],
): T[] {
  return attributes.filter(
    ([name]) => name === 'sub' || (!name.startsWith('dev:') && (!readAttributes || readAttributes.includes(name))),
  )
}

/**
 * The flags only an administrator or a code sets: an app client never writes them unless it lists them (seen, Medium:
 * SignUp with `email_verified` is "A client attempted to write unauthorized attribute", aws/aws-sdk-js#3603).
 */
const VERIFIED_FLAGS = ['email_verified', 'phone_number_verified']

/**
 * Refuses attributes the app client may not write: those outside its WriteAttributes, or, when it lists none, the
 * verified flags. Seen from Cognito when a sign-up sent `email_verified`: NotAuthorizedException "A client attempted
 * to write unauthorized attribute" (aws/aws-sdk-js#3603).
 */
export function checkWritable(
  cx: Can<'NotAuthorizedException'>,
  writeAttributes: readonly string[] | undefined,
  names: readonly string[],
): void {
  const allowed = (name: string) => (writeAttributes ? writeAttributes.includes(name) : !VERIFIED_FLAGS.includes(name))
  if (names.some((n) => !allowed(n)))
    throw fail(cx, 'NotAuthorizedException', 'A client attempted to write unauthorized attribute')
}

/**
 * Checks attributes a request writes against the pool's schema and returns them normalised (booleans in lower
 * case). Every broken attribute is named in one InvalidParameterException, one line each, as Cognito lists them.
 * `existing` marks an update, where immutable attributes that already have a value cannot change.
 */
export function checkAttributes(
  cx: Can<'InvalidParameterException'>,
  pool: PoolRow,
  given: readonly AttributeType[],
  writer: Writer,
  existing?: ReadonlyArray<readonly [string, string]>,
): Array<[string, string]> {
  const schema = schemaOf(pool)
  const lines: string[] = []
  const out = new Map<string, string>()
  for (const { Name, Value } of given) {
    const value = Value ?? ''
    const attribute = schema.get(Name)
    const reason = problem(attribute, Name, value, writer)
    if (reason) lines.push(`${Name}: ${reason}`)
    else if (existing && attribute?.Mutable === false && existing.some(([n, v]) => n === Name && v !== value)) {
      // Chosen without a captured message.
      lines.push(`${Name}: Attribute cannot be updated. (changing an immutable attribute)`)
    } else out.set(Name, attribute?.AttributeDataType === 'Boolean' ? value.toLowerCase() : value)
  }
  if (lines.length > 0) throw invalidParameter(cx, `${SCHEMA_PREFIX}${lines.map((l) => `${l}\n`).join('')}`)
  // Seen from Cognito for badly formed values of these two attributes.
  const email = out.get('email')
  if (email !== undefined && email !== '' && !EMAIL.test(email))
    throw invalidParameter(cx, 'Invalid email address format.')
  const phone = out.get('phone_number')
  if (phone !== undefined && phone !== '' && !PHONE.test(phone))
    throw invalidParameter(cx, 'Invalid phone number format.')
  return [...out]
}

/**
 * Refuses a sign-up that leaves out a required attribute, naming each (Cognito's wording, seen in a 2025
 * capture: "<name>: The attribute <name> is required").
 */
export function checkRequired(
  cx: Can<'InvalidParameterException'>,
  pool: PoolRow,
  attributes: ReadonlyArray<readonly [string, string]>,
): void {
  const have = new Set(attributes.filter(([, v]) => v !== '').map(([n]) => n))
  const missing = (pool.pool.SchemaAttributes ?? []).filter(
    (a) => a.Required && !DERIVED.has(a.Name!) && !have.has(a.Name!),
  )
  if (missing.length > 0) {
    throw invalidParameter(
      cx,
      `${SCHEMA_PREFIX}${missing.map((a) => `${a.Name}: The attribute ${a.Name} is required\n`).join('')}`,
    )
  }
}

/** Attributes with the given ones set (replacing values in place, appending new ones in request order). */
export function merged(
  current: ReadonlyArray<readonly [string, string]>,
  updates: ReadonlyArray<readonly [string, string]>,
): Array<[string, string]> {
  const out = current.map(([n, v]) => [n, v] as [string, string])
  for (const [name, value] of updates) {
    const at = out.findIndex(([n]) => n === name)
    if (at >= 0) out[at] = [name, value]
    else out.push([name, value])
  }
  return out
}

/** Removes attributes, refusing unknown, required and username attributes (messages chosen, in the schema message's form). */
export function deleteAttributes(
  cx: Can<'InvalidParameterException'>,
  pool: PoolRow,
  user: UserRow,
  names: readonly string[],
): UserRow {
  const schema = schemaOf(pool)
  const lines: string[] = []
  for (const name of names) {
    const entry = schema.get(name)
    if (!entry || name === 'sub') lines.push(`${name}: Attribute does not exist in the schema.`)
    else if (entry.Required) lines.push(`${name}: The attribute ${name} is required`)
    else if (usernameAttributes(pool).includes(name))
      lines.push(`${name}: The attribute ${name} is the username and cannot be deleted`)
  }
  if (lines.length > 0)
    throw invalidParameter(cx, `Attributes did not conform to the schema: ${lines.map((l) => `${l}\n`).join('')}`)
  const removed = new Set(names.flatMap((n) => (n === 'email' || n === 'phone_number' ? [n, `${n}_verified`] : [n])))
  return changed(cx, pool, user, {
    attributes: user.attributes.filter(([n]) => !removed.has(n)),
    pending: user.pending.filter(([n]) => !removed.has(n)),
  })
}
