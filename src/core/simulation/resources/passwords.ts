import type { Can } from '../context.js'
import { fail } from '../context.js'
import { keyMatches } from './password-keys.js'
import type { PoolRow } from './user-pools.js'
import type { UserRow } from './users.js'

/**
 * How each operation prefixes the policy reason in InvalidPasswordException. Seen from Cognito: AdminCreateUser's
 * "Password did not conform with password policy: "; from client code that matches Cognito's text: SignUp's
 * "Password did not conform with policy: " and the password-change paths' "Password does not conform to policy: ".
 */
export const PASSWORD_PREFIX = {
  signUp: 'Password did not conform with policy: ',
  adminCreateUser: 'Password did not conform with password policy: ',
  change: 'Password does not conform to policy: ',
} as const

/** The characters Cognito counts as symbols (AWS's documentation of the password policy). */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-'.split(''))

/**
 * The first rule of the pool's policy that a password breaks, in Cognito's words (seen in its messages), or
 * undefined. One reason per response, as Cognito reports them; the order of the checks is chosen (the order of
 * the policy's members).
 */
export function policyViolation(pool: PoolRow, password: string): string | undefined {
  const policy = pool.pool.Policies?.PasswordPolicy ?? {}
  if ([...password].length < (policy.MinimumLength ?? 8)) return 'Password not long enough'
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters'
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters'
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters'
  if (policy.RequireSymbols && ![...password].some((c) => SYMBOLS.has(c))) return 'Password must have symbol characters'
  return undefined
}

/** Refuses a password that breaks the pool's policy with InvalidPasswordException and the operation's prefix. */
export function checkPassword(
  cx: Can<'InvalidPasswordException'>,
  pool: PoolRow,
  password: string,
  prefix: string,
): void {
  const reason = policyViolation(pool, password)
  if (reason) throw fail(cx, 'InvalidPasswordException', `${prefix}${reason}`)
}

/**
 * Refuses a password among the user's last PasswordHistorySize ones. The message is chosen: Cognito's text for
 * PasswordHistoryPolicyViolationException was not found.
 */
export function checkHistory(
  cx: Can<'PasswordHistoryPolicyViolationException'>,
  pool: PoolRow,
  user: UserRow,
  password: string,
): void {
  const size = pool.pool.Policies?.PasswordPolicy?.PasswordHistorySize ?? 0
  if (size === 0) return
  const recent = [user.passwordKey, ...user.history].filter((p): p is string => p !== undefined).slice(0, size)
  if (recent.some((key) => keyMatches(user, key, password))) {
    throw fail(
      cx,
      'PasswordHistoryPolicyViolationException',
      'The password you entered has been used previously. Enter a new password.',
    )
  }
}

/** The history to keep after a password change: the old password's key first, as many as the policy needs. */
export function nextHistory(pool: PoolRow, user: UserRow): string[] {
  const size = pool.pool.Policies?.PasswordPolicy?.PasswordHistorySize ?? 0
  return size === 0
    ? []
    : [user.passwordKey, ...user.history].filter((p): p is string => p !== undefined).slice(0, size)
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz'
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '23456789'
const MARKS = '!#$%&*+-=?@^_'

/** A temporary password that fits the pool's policy, from the secret source (random unless reproducible secrets were asked for). */
export function temporaryPassword(cx: Can<never>, pool: PoolRow): string {
  const length = Math.max(8, pool.pool.Policies?.PasswordPolicy?.MinimumLength ?? 8)
  const head =
    cx.secrets.chars(1, UPPER) + cx.secrets.chars(1, LOWER) + cx.secrets.chars(1, DIGITS) + cx.secrets.chars(1, MARKS)
  return head + cx.secrets.chars(length - head.length, LOWER + UPPER + DIGITS)
}

/** When a temporary password set now stops being accepted: TemporaryPasswordValidityDays (7 by default) from now. */
export function temporaryExpiry(cx: Can<never>, pool: PoolRow): number {
  const days = pool.pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays || 7
  return cx.now() + days * 86_400
}
