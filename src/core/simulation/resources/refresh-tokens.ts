import type { Can } from '../context.js'
import { table } from '../engine/table.js'
import type { UserRow } from './users.js'

/** A refresh token the pool issued, and the sign-in it continues. */
export interface RefreshRow {
  /** The token itself: opaque text shaped like Cognito's (a JWE). */
  readonly token: string
  readonly poolId: string
  readonly clientId: string
  readonly user: string
  /** The `origin_jti` of the sign-in; every token refreshed from it carries it (seen in tests run against AWS). */
  readonly originJti: string
  readonly authTime: number
  readonly deviceKey?: string | undefined
  /** The OAuth 2.0 scopes of a sign-in through the pool's domain, which refreshed tokens keep. */
  readonly scopes?: readonly string[] | undefined
  readonly issued: number
  readonly expires: number
  readonly revoked: boolean
  /** When a rotated token was replaced: it is refused after the client's grace period. */
  readonly replacedAt?: number | undefined
}

/** Refresh tokens, by their text, belonging to their user. */
export const refreshTokensTable = table<RefreshRow>({
  key: (row) => row.token,
  parent: { table: 'users', key: (row) => `${row.poolId}/${row.user}` },
})

/** The refresh tokens of one sign-in (the same origin_jti). */
export function family(cx: Can<never>, user: UserRow, originJti: string): RefreshRow[] {
  return cx.tables.refreshTokens.children(`${user.poolId}/${user.key}`).filter((r) => r.originJti === originJti)
}

/** Revokes one sign-in: its refresh tokens, and with them its access tokens. */
export function revokeFamily(cx: Can<never>, user: UserRow, originJti: string): void {
  for (const row of family(cx, user, originJti))
    if (!row.revoked) cx.tables.refreshTokens.put({ ...row, revoked: true })
}

/**
 * Opaque text shaped like Cognito's refresh tokens: a JWE compact serialization with the header Cognito's carry
 * (`{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}`, seen decoded) and random parts from the secret source.
 */
export function newRefreshToken(cx: Can<never>): string {
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const header = 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ'
  return [
    header,
    cx.secrets.chars(342, b64),
    cx.secrets.chars(16, b64),
    cx.secrets.chars(600, b64),
    cx.secrets.chars(22, b64),
  ].join('.')
}
