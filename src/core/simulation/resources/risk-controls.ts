import type { RiskLevelType } from '../../../../generated/types.js'
import { sha256Hex } from '../../shared/crypto.js'
import type { Can } from '../context.js'
import { table } from '../engine/table.js'

/**
 * The risk a test fixed for the next sign-ins of a user (`user:<key>`) or from an IP address (`ip:<address>`):
 * Cognito's own risk model is not public, so under test the risk is what the test says (chosen).
 */
export interface RiskOverrideRow {
  readonly poolId: string
  readonly subject: string
  readonly level: RiskLevelType
  /** How many more sign-ins take this level; absent: every one until cleared. */
  readonly remaining?: number | undefined
}

/** A password a test declared compromised for a pool, kept as its SHA-256 (hex), never in clear. */
export interface CompromisedPasswordRow {
  readonly poolId: string
  readonly hash: string
}

/** Risk overrides, by pool and subject; they go with their pool. */
export const riskOverridesTable = table<RiskOverrideRow>({
  key: (row) => `${row.poolId}/${row.subject}`,
  parent: { table: 'pools', key: (row) => row.poolId },
})

/** Compromised passwords, by pool and hash; they go with their pool. */
export const compromisedPasswordsTable = table<CompromisedPasswordRow>({
  key: (row) => `${row.poolId}/${row.hash}`,
  parent: { table: 'pools', key: (row) => row.poolId },
})

/** What a test sets: the risk of the next sign-ins of a user or from an IP address, or null to clear it. */
export interface RiskSetting {
  readonly userPoolId: string
  /** The user, by any name it signs in with; or give `ipAddress`. */
  readonly username?: string | undefined
  /** Sign-ins from this address (as UserContextData, ContextData or the server saw it). */
  readonly ipAddress?: string | undefined
  /** The risk level; null clears the setting. */
  readonly level: RiskLevelType | null
  /** Only the next `times` sign-ins; default every one until cleared. */
  readonly times?: number | undefined
}

/** Declares passwords compromised for a pool. */
export function addCompromised(cx: Can<never>, poolId: string, passwords: readonly string[]): void {
  for (const password of passwords) {
    const hash = sha256Hex(password)
    if (!cx.tables.compromisedPasswords.has(`${poolId}/${hash}`))
      cx.tables.compromisedPasswords.insert({ poolId, hash })
  }
}

/** Whether a password was declared compromised for the pool. */
export function isCompromised(cx: Can<never>, poolId: string, password: string | undefined): boolean {
  return password !== undefined && cx.tables.compromisedPasswords.has(`${poolId}/${sha256Hex(password)}`)
}

/** Sets or clears a risk override. */
export function setOverride(cx: Can<never>, poolId: string, subject: string, setting: RiskSetting): void {
  const key = `${poolId}/${subject}`
  if (setting.level === null) {
    if (cx.tables.riskOverrides.has(key)) cx.tables.riskOverrides.delete(key)
    return
  }
  const rows = cx.tables.riskOverrides
  ;(rows.has(key) ? rows.put.bind(rows) : rows.insert.bind(rows))({
    poolId,
    subject,
    level: setting.level,
    ...(setting.times !== undefined && { remaining: setting.times }),
  })
}

/** The risk level fixed for this sign-in (the user's before the address's), using up one of a counted setting. */
export function takeOverride(
  cx: Can<never>,
  poolId: string,
  userKey: string,
  ip: string | undefined,
): RiskLevelType | undefined {
  const rows = cx.tables.riskOverrides
  const row = rows.get(`${poolId}/user:${userKey}`) ?? (ip !== undefined ? rows.get(`${poolId}/ip:${ip}`) : undefined)
  if (!row) return undefined
  if (row.remaining !== undefined) {
    const key = `${poolId}/${row.subject}`
    // Used up whether or not the sign-in succeeds (a blocked one counts too).
    const use = () => {
      if (!rows.has(key)) return
      if (row.remaining! <= 1) rows.delete(key)
      else rows.put({ ...row, remaining: row.remaining! - 1 })
    }
    use()
    cx.whenFailed(use)
  }
  return row.level
}
