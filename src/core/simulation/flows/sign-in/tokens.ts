import type { AuthenticationResultType, NewDeviceMetadataType, TimeUnitsType } from '../../../../../generated/types.js'
import { decodeJwt, signJwt, verifyJwt } from '../../../shared/jwt.js'
import type { Can } from '../../context.js'
import { fail } from '../../context.js'
import type { LambdaErrors } from '../../lambdas.js'
import type { ClientRow } from '../../resources/clients.js'
import { groupsOf } from '../../resources/groups.js'
import { signingKey } from '../../resources/keys.js'
import { family, newRefreshToken } from '../../resources/refresh-tokens.js'
import { readableBy } from '../../resources/user-attributes.js'
import type { PoolRow } from '../../resources/user-pools.js'
import type { UserRow } from '../../resources/users.js'
import {
  applyClaims,
  overriddenGroups,
  preTokenGeneration,
  type TokenOverrides,
  type TokenSource,
} from '../../triggers/pre-token.js'

/** The scope of tokens from the user pools API (seen in access tokens from API sign-ins). */
export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin'

const UNIT_SECONDS: Readonly<Record<TimeUnitsType, number>> = { seconds: 1, minutes: 60, hours: 3_600, days: 86_400 }

/**
 * A token's lifetime in seconds from the client's settings. A validity without units is in Cognito's default
 * units (hours for ID and access tokens, days for refresh tokens); a refresh validity of 0 means 30 days (AWS's
 * documentation of the client's members).
 */
export function lifetime(client: ClientRow, token: 'AccessToken' | 'IdToken' | 'RefreshToken'): number {
  const c = client.client
  const value =
    token === 'AccessToken' ? c.AccessTokenValidity : token === 'IdToken' ? c.IdTokenValidity : c.RefreshTokenValidity
  const unit = c.TokenValidityUnits?.[token] ?? (token === 'RefreshToken' ? 'days' : 'hours')
  if (token === 'RefreshToken' && !value) return 30 * 86_400
  return (value ?? (token === 'RefreshToken' ? 30 : 1)) * UNIT_SECONDS[unit]
}

/** The issuer of a pool's tokens: `https://cognito-idp.<region>.amazonaws.com/<poolId>` (AWS's documentation). */
export function issuer(cx: Can<never>, poolId: string): string {
  return `https://cognito-idp.${cx.region}.amazonaws.com/${poolId}`
}

/** An attribute as the ID token carries it: verification flags as booleans, updated_at as a number, address as `{formatted}`. */
function claimValue(name: string, value: string): unknown {
  if (name.endsWith('_verified')) return value === 'true'
  if (name === 'updated_at' && /^\d+$/.test(value)) return Number(value)
  if (name === 'address') return { formatted: value }
  // A federated user's identities travel as a JSON array (decoded real ID tokens).
  if (name === 'identities') {
    try {
      return JSON.parse(value) as unknown
    } catch {
      return value
    }
  }
  return value
}

/** The group claims: `cognito:groups`, and the roles of groups that have one, the lowest precedence's preferred. */
function groupClaims(cx: Can<never>, user: UserRow): Record<string, unknown> {
  const groups = groupsOf(cx, user)
  if (groups.length === 0) return {}
  const roles = [...new Set(groups.map((g) => g.roleArn).filter((r): r is string => r !== undefined))]
  const ranked = groups.filter((g) => g.roleArn !== undefined && g.precedence !== undefined)
  const best = ranked[0]
  // The model's documentation: the lowest precedence's role, unless groups of that precedence disagree.
  const tied = best ? ranked.filter((g) => g.precedence === best.precedence && g.roleArn !== best.roleArn) : []
  return {
    'cognito:groups': groups.map((g) => g.name),
    ...(roles.length > 0 && { 'cognito:roles': roles }),
    ...(best && tied.length === 0 && { 'cognito:preferred_role': best.roleArn }),
  }
}

/** What a sign-in carries into its tokens, and keeps across refreshes. */
export interface SignIn {
  readonly authTime: number
  readonly originJti: string
  readonly deviceKey?: string | undefined
  /** OAuth 2.0 scopes granted through the pool's domain; the user pools API's own scope when absent. */
  readonly scopes?: readonly string[] | undefined
  /** The authorization request's nonce, copied into the ID token (AWS's documentation). */
  readonly nonce?: string | undefined
  /** The threat protection event of the sign-in: the tokens' `event_id` (seen in the 2023 developer guide). */
  readonly eventId?: string | undefined
}

/**
 * ID and access tokens for a user, RS256 JWTs signed with the pool's keys, with Cognito's claims (AWS's
 * documentation and decoded real tokens): `cognito:username`, `cognito:groups`, `token_use`, `client_id`
 * (access) or `aud` (ID), `scope`, `origin_jti`, `jti`, `event_id`, `auth_time`, attributes the client may read.
 */
export async function signTokens(
  cx: Can<never>,
  pool: PoolRow,
  client: ClientRow,
  user: UserRow,
  signIn: SignIn,
  overrides?: TokenOverrides | undefined,
): Promise<{ access: string; id: string; expiresIn: number }> {
  const now = Math.floor(cx.now())
  const iss = issuer(cx, pool.pool.Id)
  const groups = overriddenGroups(groupClaims(cx, user), overrides?.groups)
  const eventId = signIn.eventId ?? cx.ids.uuid()
  const attributes = readableBy(client.client.ReadAttributes, user.attributes).filter(([name]) => name !== 'sub')
  const verifiedFlags = attributes.filter(([n]) => n.endsWith('_verified'))
  const others = attributes.filter(([n]) => !n.endsWith('_verified'))
  const idPayload = {
    sub: user.sub,
    ...groups,
    ...Object.fromEntries(verifiedFlags.map(([n, v]) => [n, claimValue(n, v)])),
    iss,
    'cognito:username': user.username,
    origin_jti: signIn.originJti,
    aud: client.client.ClientId,
    event_id: eventId,
    token_use: 'id',
    ...(signIn.nonce !== undefined && { nonce: signIn.nonce }),
    auth_time: signIn.authTime,
    ...Object.fromEntries(others.map(([n, v]) => [n, claimValue(n, v)])),
    exp: now + lifetime(client, 'IdToken'),
    iat: now,
    jti: cx.secrets.uuid(),
  }
  const expiresIn = lifetime(client, 'AccessToken')
  const accessPayload = {
    sub: user.sub,
    ...(signIn.deviceKey !== undefined && { device_key: signIn.deviceKey }),
    ...('cognito:groups' in groups && { 'cognito:groups': groups['cognito:groups'] }),
    iss,
    client_id: client.client.ClientId,
    origin_jti: signIn.originJti,
    event_id: eventId,
    token_use: 'access',
    scope: scopeOf(overrides, signIn.scopes),
    auth_time: signIn.authTime,
    exp: now + expiresIn,
    iat: now,
    jti: cx.secrets.uuid(),
    username: user.username,
    // Seen in access tokens from the OAuth endpoints (decoded real tokens).
    ...(signIn.scopes !== undefined && { version: 2 }),
  }
  const idKey = await signingKey(cx, pool.pool.Id, 'id')
  const accessKey = await signingKey(cx, pool.pool.Id, 'access')
  const id = overrides ? applyClaims(idPayload, overrides.id) : idPayload
  const access = overrides ? applyClaims(accessPayload, overrides.access) : accessPayload
  return {
    id: await signJwt({ kid: idKey.kid, alg: 'RS256' }, id, idKey.privateJwk),
    access: await signJwt({ kid: accessKey.kid, alg: 'RS256' }, access, accessKey.privateJwk),
    expiresIn,
  }
}

/** The access token's scope: the user pools API's, with what a pre token generation function added or took away. */
function scopeOf(overrides: TokenOverrides | undefined, granted: readonly string[] = [ADMIN_SCOPE]): string {
  if (!overrides) return granted.join(' ')
  const scopes = [...granted, ...overrides.access.scopesAdd].filter((s) => !overrides.access.scopesSuppress.includes(s))
  return [...new Set(scopes)].join(' ')
}

/** How tokens come to be made: the trigger source and the ClientMetadata pre token generation gets. */
export interface TokenOccasion {
  readonly source: TokenSource
  readonly clientMetadata?: Readonly<Record<string, string>> | undefined
}

/** ID and access tokens after the pool's pre token generation function (if any) had its say. */
export async function issueTokens(
  cx: Can<LambdaErrors>,
  pool: PoolRow,
  client: ClientRow,
  user: UserRow,
  signIn: SignIn,
  occasion: TokenOccasion,
): Promise<{ access: string; id: string; expiresIn: number }> {
  const overrides = await preTokenGeneration(
    cx,
    pool,
    client,
    user,
    occasion.source,
    occasion.clientMetadata,
    signIn.scopes ?? [ADMIN_SCOPE],
  )
  return signTokens(cx, pool, client, user, signIn, overrides)
}

/** The AuthenticationResult of a sign-in or refresh: tokens, a new refresh token when asked for, a new device's keys. */
export async function authenticationResult(
  cx: Can<LambdaErrors>,
  pool: PoolRow,
  client: ClientRow,
  user: UserRow,
  signIn: SignIn,
  options: {
    readonly refresh: boolean
    readonly newDevice?: NewDeviceMetadataType | undefined
    readonly occasion: TokenOccasion
  },
): Promise<AuthenticationResultType> {
  const { access, id, expiresIn } = await issueTokens(cx, pool, client, user, signIn, options.occasion)
  let RefreshToken: string | undefined
  if (options.refresh) {
    RefreshToken = newRefreshToken(cx)
    const now = cx.now()
    cx.tables.refreshTokens.insert({
      token: RefreshToken,
      poolId: pool.pool.Id,
      clientId: client.client.ClientId,
      user: user.key,
      originJti: signIn.originJti,
      authTime: signIn.authTime,
      ...(signIn.deviceKey !== undefined && { deviceKey: signIn.deviceKey }),
      ...(signIn.scopes !== undefined && { scopes: signIn.scopes }),
      issued: now,
      expires: now + lifetime(client, 'RefreshToken'),
      revoked: false,
    })
  }
  return {
    AccessToken: access,
    ExpiresIn: expiresIn,
    TokenType: 'Bearer',
    ...(RefreshToken !== undefined && { RefreshToken }),
    IdToken: id,
    ...(options.newDevice && { NewDeviceMetadata: options.newDevice }),
  }
}

/** What a verified access token says. */
export interface AccessClaims {
  readonly sub: string
  readonly username: string
  readonly client_id: string
  readonly origin_jti: string
  readonly scope: string
  readonly iat: number
  readonly exp: number
  readonly device_key?: string | undefined
}

/**
 * The pool, user and claims of an access token, as the signed-in operations check it. Seen from Cognito:
 * NotAuthorizedException "Invalid Access Token" for a token it did not issue (or not an access token), "Access
 * Token has expired", "Access Token has been revoked" after GlobalSignOut or RevokeToken.
 */
export async function checkAccessToken(
  cx: Can<'NotAuthorizedException'>,
  token: string,
): Promise<{ pool: PoolRow; user: UserRow | undefined; claims: AccessClaims }> {
  const invalid = () => fail(cx, 'NotAuthorizedException', 'Invalid Access Token')
  const decoded = decodeJwt(token)
  if (!decoded) throw invalid()
  const iss = decoded.payload['iss']
  const match =
    typeof iss === 'string'
      ? /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/.exec(iss)
      : null
  const pool = match && match[1] === cx.region ? cx.tables.pools.get(match[2]!) : undefined
  const key =
    pool && typeof decoded.header['kid'] === 'string'
      ? cx.tables.keys.find('kid', `${pool.pool.Id}/${decoded.header['kid']}`)
      : undefined
  if (
    !pool ||
    !key ||
    key.use !== 'access' ||
    decoded.payload['token_use'] !== 'access' ||
    !(await verifyJwt(decoded, key.publicJwk))
  )
    throw invalid()
  const claims = decoded.payload as unknown as AccessClaims
  if (claims.exp <= cx.now()) throw fail(cx, 'NotAuthorizedException', 'Access Token has expired')
  const user = cx.tables.users.find('sub', `${pool.pool.Id}/${claims.sub}`)
  // Every sign-in has refresh tokens: a token whose sign-in this simulation does not know is not one it issued, and
  // when all of a sign-in's are revoked (RevokeToken, GlobalSignOut), so are its access tokens.
  const tokens = user ? family(cx, user, claims.origin_jti) : []
  if (user && tokens.length === 0) throw invalid()
  if (tokens.length > 0 && tokens.every((t) => t.revoked))
    throw fail(cx, 'NotAuthorizedException', 'Access Token has been revoked')
  return { pool, user, claims }
}

/**
 * The scope check of operations that act for the signed-in user. Seen (Medium-High): "Access Token does not have
 * required scopes" for a token without aws.cognito.signin.user.admin (https://github.com/aws-amplify/amplify-js/issues/1906).
 */
export function requireAdminScope(cx: Can<'NotAuthorizedException'>, claims: AccessClaims): void {
  if (!claims.scope.split(' ').includes(ADMIN_SCOPE))
    throw fail(cx, 'NotAuthorizedException', 'Access Token does not have required scopes')
}
