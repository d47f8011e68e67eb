import { isCognitoError } from '../../protocol/errors.js'
import type { Can } from '../context.js'
import { newIdentity } from './identities.js'
import { checkAttributes, checkRequired } from './user-attributes.js'
import type { PoolRow } from './user-pools.js'
import { changed, claimAliases, type UserRow } from './users.js'

/** What became of one row, as CloudWatch logs it. */
export type RowOutcome = 'SUCCEEDED' | 'SKIPPED' | 'FAILED'

/** One row's result: its outcome and the text after `Line Number <n> - `. */
export interface RowResult {
  readonly outcome: RowOutcome
  readonly message: string
}

/** Seen from Cognito: "[SUCCEEDED] Line Number 5956 - The import succeeded." (DG23:…-cloudwatch). */
const SUCCEEDED: RowResult = { outcome: 'SUCCEEDED', message: 'The import succeeded.' }
/** Seen from Cognito: "[SKIPPED] Line Number 5956 - The user already exists." (DG23:…-cloudwatch). */
const EXISTS: RowResult = { outcome: 'SKIPPED', message: 'The user already exists.' }
/**
 * Seen from Cognito: "[FAILED] Line Number NNNN - The User Record does not set any of the auto verified attributes to
 * verified. (Example: email_verified to true)." (a 2024 capture, aws-solutions/cognito-user-profiles-export-reference-
 * architecture#58; the 2023 guide's sample says "to true." where this says "to verified.").
 */
const NOT_VERIFIED: RowResult = {
  outcome: 'FAILED',
  message:
    'The User Record does not set any of the auto verified attributes to verified. (Example: email_verified to true).',
}

function failed(message: string): RowResult {
  return { outcome: 'FAILED', message: message.replace(/\s*\n\s*/g, ' ').trim() }
}

/** The line of the log for a row: `[SUCCEEDED] Line Number 2 - The import succeeded.` (Seen from Cognito, DG23). */
export function logLine(line: number, result: RowResult): string {
  return `[${result.outcome}] Line Number ${line} - ${result.message}`
}

/** The errors a row's checks may raise: each is caught and becomes the row's FAILED or SKIPPED result. */
type RowErrors = 'InvalidParameterException' | 'UsernameExistsException' | 'AliasExistsException'

/**
 * Imports one row of a file into the pool: a user in RESET_REQUIRED without a password (Seen from Cognito: "Your users
 * are in a RESET_REQUIRED state when imported"; "The creation date for each user is the time when that user was
 * imported"), or the reason it is skipped or fails. Rules seen in DG23 (…-csv-header): `cognito:username` is required
 * and has no spaces or tabs; `cognito:mfa_enabled` is `true` or `false`, never empty, `true` when the pool's MFA is ON
 * and `false` when it is OFF; at least one auto-verified attribute is verified, with its address; required attributes
 * and the schema hold. The texts of the FAILED lines other than the auto-verified one are chosen without evidence.
 * No trigger runs (chosen: the guide names none for imports).
 */
export function importRow(
  cx: Can<never>,
  pool: PoolRow,
  header: readonly string[],
  values: readonly string[],
): RowResult {
  if (values.length !== header.length)
    return failed(`The record has ${values.length} values where the header has ${header.length} columns.`)
  const get = (name: string) => values[header.indexOf(name)] ?? ''
  const username = get('cognito:username')
  if (username === '') return failed('The cognito:username is required.')
  if (/[ \t]/.test(username)) return failed('The cognito:username cannot contain spaces or tabs.')
  const mfa = get('cognito:mfa_enabled').toLowerCase()
  if (mfa !== 'true' && mfa !== 'false') return failed('The cognito:mfa_enabled must be true or false.')
  const mode = pool.pool.MfaConfiguration ?? 'OFF'
  if (mode === 'ON' && mfa !== 'true')
    return failed('The cognito:mfa_enabled must be true: the user pool requires MFA.')
  if (mode === 'OFF' && mfa !== 'false')
    return failed('The cognito:mfa_enabled must be false: MFA is off in the user pool.')
  const given = header
    .map((name, i) => ({ Name: name, Value: values[i] ?? '' }))
    .filter((a) => !a.Name.startsWith('cognito:') && a.Value !== '')
  // A row's checks answer with Cognito's errors; each is caught below and becomes the row's result.
  const checked = cx as Can<RowErrors>
  try {
    const attributes = checkAttributes(checked, pool, given, 'admin')
    const value = (name: string) => attributes.find(([n]) => n === name)?.[1]
    const auto = pool.pool.AutoVerifiedAttributes ?? []
    if (!auto.some((a) => value(`${a}_verified`) === 'true')) return NOT_VERIFIED
    for (const address of ['email', 'phone_number'] as const)
      if (value(`${address}_verified`) === 'true' && !value(address))
        return failed(`The ${address}_verified is true but the record has no ${address}.`)
    checkRequired(checked, pool, attributes)
    const sub = cx.ids.uuid()
    const identity = newIdentity(checked, pool, username, attributes, sub, 'The user already exists.')
    const now = cx.now()
    const draft: UserRow = {
      poolId: pool.pool.Id,
      username: identity.username,
      key: identity.key,
      sub,
      attributes: [['sub', sub], ...identity.attributes],
      status: 'RESET_REQUIRED',
      enabled: true,
      history: [],
      aliases: [],
      codes: {},
      pending: [],
      attempts: {},
      // Chosen without evidence: `cognito:mfa_enabled` true turns on SMS MFA, the setting that column predates.
      ...(mfa === 'true' && { mfa: { sms: true, email: false, totp: false } }),
      created: now,
      modified: now,
    }
    cx.tables.users.insert(claimAliases(checked, pool, changed(cx, pool, draft, {}), false))
    return SUCCEEDED
  } catch (error) {
    if (!isCognitoError(error)) throw error
    if (error.name === 'UsernameExistsException') return EXISTS
    return failed(error.message)
  }
}
