import { fromBase32, matchingStep } from '../../shared/totp.js'
import type { PoolRow } from './user-pools.js'
import { attribute, type MfaSettings, type UserRow } from './users.js'

/** An MFA method as challenges and preferences name it. */
export type MfaType = 'SMS_MFA' | 'EMAIL_OTP' | 'SOFTWARE_TOKEN_MFA'

/**
 * The methods a pool offers: SMS when it has an SMS configuration (Cognito needs one to send texts) or
 * SetUserPoolMfaConfig turned it on, TOTP and email when SetUserPoolMfaConfig turned them on (chosen reading of
 * GetUserPoolMfaConfig's members).
 */
export function poolMethods(pool: PoolRow): MfaType[] {
  const out: MfaType[] = []
  if (pool.mfa?.sms ?? pool.pool.SmsConfiguration !== undefined) out.push('SMS_MFA')
  if (pool.mfa?.softwareToken) out.push('SOFTWARE_TOKEN_MFA')
  if (pool.mfa?.email) out.push('EMAIL_OTP')
  return out
}

/** The user's MFA settings, none turned on by default. */
export function settingsOf(user: UserRow): MfaSettings {
  return user.mfa ?? { sms: false, email: false, totp: false }
}

/** The methods a user has turned on that the pool offers and the user can receive. */
export function userMethods(pool: PoolRow, user: UserRow): MfaType[] {
  const offered = poolMethods(pool)
  const s = settingsOf(user)
  const out: MfaType[] = []
  if (s.sms && offered.includes('SMS_MFA') && attribute(user, 'phone_number')) out.push('SMS_MFA')
  if (s.totp && s.totpSecret && offered.includes('SOFTWARE_TOKEN_MFA')) out.push('SOFTWARE_TOKEN_MFA')
  if (s.email && offered.includes('EMAIL_OTP') && attribute(user, 'email')) out.push('EMAIL_OTP')
  return out
}

/** The names GetUser and AdminGetUser list in UserMFASettingList and PreferredMfaSetting. */
export function mfaSummary(
  pool: PoolRow,
  user: UserRow,
): { UserMFASettingList?: string[]; PreferredMfaSetting?: string } {
  const list = userMethods(pool, user)
  const preferred = settingsOf(user).preferred
  return {
    ...(list.length > 0 && { UserMFASettingList: list }),
    ...(preferred !== undefined && list.includes(preferred) && { PreferredMfaSetting: preferred }),
  }
}

/** What MFA a sign-in needs next: a method, a choice among several, setting one up, or none. */
export type MfaStep =
  | { readonly kind: 'none' }
  | { readonly kind: 'challenge'; readonly type: MfaType }
  | { readonly kind: 'select'; readonly types: MfaType[] }
  | { readonly kind: 'setup'; readonly types: MfaType[] }

/**
 * The MFA step of a sign-in, as Cognito applies the pool's MfaConfiguration: OFF asks nothing; OPTIONAL asks users
 * who turned a method on; ON asks everyone, by SMS for users with a phone number when nothing is turned on, else
 * MFA_SETUP. Several methods without a preference: SELECT_MFA_TYPE.
 */
export function mfaStep(pool: PoolRow, user: UserRow): MfaStep {
  const mode = pool.pool.MfaConfiguration ?? 'OFF'
  if (mode === 'OFF') return { kind: 'none' }
  const methods = userMethods(pool, user)
  const preferred = settingsOf(user).preferred
  if (preferred && methods.includes(preferred)) return { kind: 'challenge', type: preferred }
  if (methods.length === 1) return { kind: 'challenge', type: methods[0]! }
  if (methods.length > 1) return { kind: 'select', types: methods }
  if (mode === 'OPTIONAL') return { kind: 'none' }
  const offered = poolMethods(pool)
  if (offered.includes('SMS_MFA') && attribute(user, 'phone_number')) return { kind: 'challenge', type: 'SMS_MFA' }
  return { kind: 'setup', types: offered.filter((t) => t !== 'EMAIL_OTP' || attribute(user, 'email')) }
}

/** The outcome of a TOTP code: accepted at a step, wrong, or already used (a step at or before the last accepted one). */
export function checkTotp(
  secret: string,
  code: string,
  now: number,
  lastStep: number | undefined,
): { ok: true; step: number } | { ok: false; reason: 'mismatch' | 'used' } {
  const step = matchingStep(fromBase32(secret), code, now)
  if (step === undefined) return { ok: false, reason: 'mismatch' }
  if (lastStep !== undefined && step <= lastStep) return { ok: false, reason: 'used' }
  return { ok: true, step }
}
