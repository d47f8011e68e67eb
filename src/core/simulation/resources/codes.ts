import type { Can } from '../context.js'
import { fail } from '../context.js'
import type { CodeRow, UserRow } from './users.js'

/** How long codes are accepted, in seconds (AWS's documented quotas): sign-up and attribute codes a day, reset codes an hour. */
export const CODE_LIFETIME = { signUp: 86_400, verify: 86_400, forgotPassword: 3_600 } as const

/** A new six-digit code from the secret source (random unless reproducible secrets were asked for). */
export function newCode(cx: Can<never>, lifetime: number, attribute?: string): CodeRow {
  return {
    code: cx.secrets.chars(6, '0123456789'),
    expires: cx.now() + lifetime,
    ...(attribute !== undefined && { attribute }),
  }
}

/**
 * Checks a code a user sent back. Seen from Cognito: a wrong code is CodeMismatchException "Invalid verification
 * code provided, please try again."; an expired or never-requested one ExpiredCodeException "Invalid code
 * provided, please request a code again.".
 */
export function checkCode(
  cx: Can<'CodeMismatchException' | 'ExpiredCodeException'>,
  row: CodeRow | undefined,
  given: string,
): void {
  if (!row) throw fail(cx, 'ExpiredCodeException', 'Invalid code provided, please request a code again.')
  if (row.code !== given)
    throw fail(cx, 'CodeMismatchException', 'Invalid verification code provided, please try again.')
  if (cx.now() > row.expires)
    throw fail(cx, 'ExpiredCodeException', 'Invalid code provided, please request a code again.')
}

/** Calls a user may make of each limited action in an hour (AWS's documented quotas; the ForgotPassword one is chosen). */
export const HOURLY_LIMITS = {
  ConfirmSignUp: 15,
  ResendConfirmationCode: 5,
  ForgotPassword: 5,
  ConfirmForgotPassword: 10,
  ChangePassword: 5,
  GetUserAttributeVerificationCode: 5,
  VerifyUserAttribute: 15,
} as const

/**
 * Counts a call of a limited action against the user, refusing it past the hourly limit with Cognito's
 * LimitExceededException "Attempt limit exceeded, please try after some time." (seen from Cognito). The count
 * is kept even when the call then fails.
 */
export function countAttempt(
  cx: Can<'LimitExceededException'>,
  user: UserRow,
  action: keyof typeof HOURLY_LIMITS,
): UserRow {
  const now = cx.now()
  const recent = (user.attempts[action] ?? []).filter((t) => t > now - 3_600)
  if (recent.length >= HOURLY_LIMITS[action])
    throw fail(cx, 'LimitExceededException', 'Attempt limit exceeded, please try after some time.')
  const counted = [...recent, now]
  const attempts = { ...user.attempts, [action]: counted }
  const key = `${user.poolId}/${user.key}`
  cx.whenFailed(() => {
    const current = cx.tables.users.get(key)
    if (current) cx.tables.users.put({ ...current, attempts: { ...current.attempts, [action]: counted } })
  })
  return cx.tables.users.put({ ...user, attempts })
}
