import type { Can } from '../../context.js'
import { fail } from '../../context.js'
import type { PoolRow } from '../../resources/user-pools.js'
import type { UserRow } from '../../resources/users.js'
import { type AccessClaims, checkAccessToken, requireAdminScope } from './tokens.js'

/** Who an access token signs in, for the operations users call on their own account. */
export interface SignedIn {
  readonly pool: PoolRow
  readonly user: UserRow
  readonly claims: AccessClaims
}

/**
 * The user an access token belongs to, with the scope these operations need. A deleted user is UserNotFoundException
 * "User does not exist."; a disabled one NotAuthorizedException "User is disabled." (both as sign-in says them).
 */
export async function signedIn(
  cx: Can<'NotAuthorizedException' | 'UserNotFoundException'>,
  token: string,
): Promise<SignedIn> {
  const { pool, user, claims } = await checkAccessToken(cx, token)
  requireAdminScope(cx, claims)
  if (!user) throw fail(cx, 'UserNotFoundException', 'User does not exist.')
  if (!user.enabled) throw fail(cx, 'NotAuthorizedException', 'User is disabled.')
  return { pool, user, claims }
}

/** The same, for operations that do not model UserNotFoundException: a deleted user's token is refused as invalid. */
export async function signedInOnly(cx: Can<'NotAuthorizedException'>, token: string): Promise<SignedIn> {
  const { pool, user, claims } = await checkAccessToken(cx, token)
  requireAdminScope(cx, claims)
  if (!user) throw fail(cx, 'NotAuthorizedException', 'Invalid Access Token')
  if (!user.enabled) throw fail(cx, 'NotAuthorizedException', 'User is disabled.')
  return { pool, user, claims }
}
