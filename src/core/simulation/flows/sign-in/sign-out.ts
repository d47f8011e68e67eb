import type { Can } from '../../context.js'
import type { UserRow } from '../../resources/users.js'

/** Signs a user out everywhere: every refresh token revoked, and with them every access token (AWS's documentation). */
export function signOutEverywhere(cx: Can<never>, user: UserRow): void {
  for (const row of cx.tables.refreshTokens.children(`${user.poolId}/${user.key}`)) {
    if (!row.revoked) cx.tables.refreshTokens.put({ ...row, revoked: true })
  }
}
