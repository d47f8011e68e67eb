import type { AuthenticationResultType } from '../../../../../generated/types.js'
import type { Can } from '../../context.js'
import { fail } from '../../context.js'
import { invalidParameter } from '../../errors.js'
import type { LambdaErrors } from '../../lambdas.js'
import { activeSecrets, secretMatches } from '../../resources/client-secrets.js'
import { checkSecretHash } from '../../resources/clients.js'
import type { RefreshRow } from '../../resources/refresh-tokens.js'
import type { UserRow } from '../../resources/users.js'
import type { AuthEnv } from './next.js'
import { authenticationResult, issueTokens, type SignIn } from './tokens.js'

/**
 * The refresh token a request names and its user. Seen from Cognito: NotAuthorizedException "Invalid Refresh
 * Token." for one it did not issue (to this client), "Refresh Token has been revoked", "Refresh Token has expired".
 */
function usable(cx: Can<'NotAuthorizedException'>, env: AuthEnv, token: string): { row: RefreshRow; user: UserRow } {
  const row = cx.tables.refreshTokens.get(token)
  if (!row || row.clientId !== env.client.client.ClientId)
    throw fail(cx, 'NotAuthorizedException', 'Invalid Refresh Token.')
  if (row.revoked) throw fail(cx, 'NotAuthorizedException', 'Refresh Token has been revoked')
  if (cx.now() > row.expires) throw fail(cx, 'NotAuthorizedException', 'Refresh Token has expired')
  const user = cx.tables.users.get(`${row.poolId}/${row.user}`)
  if (!user) throw fail(cx, 'NotAuthorizedException', 'Invalid Refresh Token.')
  if (!user.enabled) throw fail(cx, 'NotAuthorizedException', 'User is disabled.')
  return { row, user }
}

/** Whether a rotated token is past its grace period. */
function spent(cx: Can<never>, env: AuthEnv, row: RefreshRow): boolean {
  const grace = env.client.client.RefreshTokenRotation?.RetryGracePeriodSeconds ?? 0
  return row.replacedAt !== undefined && cx.now() > row.replacedAt + grace
}

/** Refreshed tokens go through pre token generation as TokenGeneration_RefreshTokens (AWS's documentation). */
const occasion = (env: AuthEnv) => ({
  source: 'TokenGeneration_RefreshTokens' as const,
  clientMetadata: env.clientMetadata,
})

const signInOf = (row: RefreshRow): SignIn => ({
  authTime: row.authTime,
  originJti: row.originJti,
  ...(row.deviceKey !== undefined && { deviceKey: row.deviceKey }),
  ...(row.scopes !== undefined && { scopes: row.scopes }),
})

/** ID and access tokens without a new refresh token, keeping auth_time and origin_jti (seen in tests run against AWS). */
async function tokensOnly(
  cx: Can<LambdaErrors>,
  env: AuthEnv,
  row: RefreshRow,
  user: UserRow,
): Promise<AuthenticationResultType> {
  const { access, id, expiresIn } = await issueTokens(cx, env.pool, env.client, user, signInOf(row), occasion(env))
  return { AccessToken: access, ExpiresIn: expiresIn, TokenType: 'Bearer', IdToken: id }
}

/**
 * REFRESH_TOKEN_AUTH (and REFRESH_TOKEN) through InitiateAuth: SECRET_HASH uses the username Cognito keeps. Seen
 * (High, the Developer Guide): "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token
 * rotation enabled" (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html).
 * Chosen: the refusal's type and wording (not captured).
 */
export async function refreshByInitiate(
  cx: Can<'NotAuthorizedException' | 'InvalidParameterException' | LambdaErrors>,
  env: AuthEnv,
  token: string,
  secretHash: string | undefined,
): Promise<AuthenticationResultType> {
  if (env.client.client.RefreshTokenRotation?.Feature === 'ENABLED')
    throw invalidParameter(
      cx,
      'REFRESH_TOKEN_AUTH is not allowed for a client with refresh token rotation enabled: use GetTokensFromRefreshToken.',
    )
  const { row, user } = usable(cx, env, token)
  checkSecretHash(cx, env.client, user.username, secretHash)
  // Chosen: a token rotated out (by the client before rotation was turned off) past its grace period.
  if (spent(cx, env, row)) throw fail(cx, 'NotAuthorizedException', 'Invalid Refresh Token.')
  return tokensOnly(cx, env, row, user)
}

/**
 * GetTokensFromRefreshToken: the client's secret itself (wording chosen when it is wrong); with refresh-token rotation
 * on, a new refresh token too, the old one refused after RetryGracePeriodSeconds with RefreshTokenReuseException
 * (message chosen).
 */
export async function refreshByGetTokens(
  cx: Can<'NotAuthorizedException' | 'RefreshTokenReuseException' | LambdaErrors>,
  env: AuthEnv,
  token: string,
  clientSecret: string | undefined,
): Promise<AuthenticationResultType> {
  const { row, user } = usable(cx, env, token)
  // Either active secret, while two are (see secretMatches).
  if (activeSecrets(cx, env.client).length > 0 && !secretMatches(cx, env.client, clientSecret))
    throw fail(cx, 'NotAuthorizedException', `Unable to verify secret hash for client ${env.client.client.ClientId}`)
  if (spent(cx, env, row)) throw fail(cx, 'RefreshTokenReuseException', 'The refresh token has been used already.')
  if (env.client.client.RefreshTokenRotation?.Feature !== 'ENABLED') return tokensOnly(cx, env, row, user)
  if (row.replacedAt === undefined) cx.tables.refreshTokens.put({ ...row, replacedAt: cx.now() })
  return authenticationResult(cx, env.pool, env.client, user, signInOf(row), { refresh: true, occasion: occasion(env) })
}
