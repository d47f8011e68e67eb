import type { Can } from '../../context.js'
import { fail } from '../../context.js'
import type { UserRow } from '../../resources/users.js'

/** Failures that start a lockout, and the longest one (AWS's documentation: five failures, doubling, about 15 minutes). */
const FREE_FAILURES = 5
const LONGEST = 900
/** A quiet time after which failures are forgotten. */
const FORGET_AFTER = 900

/** Refuses a sign-in while the user is locked out. Seen from Cognito: NotAuthorizedException "Password attempts exceeded". */
export function checkLockout(cx: Can<'NotAuthorizedException'>, user: UserRow): void {
  if (user.lockout && cx.now() < user.lockout.until)
    throw fail(cx, 'NotAuthorizedException', 'Password attempts exceeded')
}

/**
 * Counts a wrong password, kept even though the call fails: from the fifth failure in a row the user is locked for
 * 1 second, doubling with each further one up to 15 minutes; failures are forgotten after 15 quiet minutes.
 */
export function countFailure(cx: Can<never>, user: UserRow): void {
  const now = cx.now()
  const previous = user.lockout && now - user.lockout.last < FORGET_AFTER ? user.lockout.failures : 0
  const failures = previous + 1
  const until = failures >= FREE_FAILURES ? now + Math.min(2 ** (failures - FREE_FAILURES), LONGEST) : 0
  const key = `${user.poolId}/${user.key}`
  cx.whenFailed(() => {
    const current = cx.tables.users.get(key)
    if (current) cx.tables.users.put({ ...current, lockout: { failures, last: now, until } })
  })
}

/** Forgets failures after a successful sign-in. */
export function clearFailures(cx: Can<never>, user: UserRow): UserRow {
  if (!user.lockout) return user
  const { lockout: _forgotten, ...rest } = user
  return cx.tables.users.put(rest)
}
