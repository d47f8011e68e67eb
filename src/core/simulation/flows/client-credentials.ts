import { signJwt } from '../../shared/jwt.js'
import type { Can } from '../context.js'
import type { ClientRow } from '../resources/clients.js'
import { signingKey } from '../resources/keys.js'
import { customScopes } from '../resources/resource-servers.js'
import { issuer, lifetime } from './sign-in/tokens.js'

/** Whether a client may take the client-credentials grant at the token endpoint (a secret, that flow, OAuth on). */
export function allowsClientCredentials(client: ClientRow): boolean {
  return (
    client.client.ClientSecret !== undefined &&
    (client.client.AllowedOAuthFlows ?? []).includes('client_credentials') &&
    client.client.AllowedOAuthFlowsUserPoolClient === true
  )
}

/**
 * The scopes a machine-to-machine token is granted: the asked ones when the client allows each, else all the custom
 * scopes the client allows when none are asked; undefined when refused (an asked scope not allowed, or nothing to
 * grant). Only custom scopes of the pool's resource servers are granted (AWS's documentation: "Both approaches issue
 * an access token that authorizes only custom scopes from resource servers").
 */
export function grantedScopes(
  cx: Can<never>,
  poolId: string,
  client: ClientRow,
  asked: readonly string[],
): readonly string[] | undefined {
  const custom = new Set(customScopes(cx, poolId))
  const allowed = (client.client.AllowedOAuthScopes ?? []).filter((s) => custom.has(s))
  if (asked.some((s) => !allowed.includes(s))) return undefined
  const scopes = asked.length > 0 ? asked : allowed
  return scopes.length > 0 ? scopes : undefined
}

/**
 * A client-credentials access token, as the token endpoint's grant and GetClientToken issue it: no user claims, `sub`
 * and `client_id` the client, the granted scopes (a decoded real token has ten claims; `version`, `jti`, `auth_time`,
 * `iat`, `exp` beside the five captured), signed with the pool's access-token key, for the client's access-token
 * validity.
 */
export async function clientAccessToken(
  cx: Can<never>,
  poolId: string,
  client: ClientRow,
  scopes: readonly string[],
): Promise<{ accessToken: string; expiresIn: number }> {
  const now = Math.floor(cx.now())
  const expiresIn = lifetime(client, 'AccessToken')
  const key = await signingKey(cx, poolId, 'access')
  const payload = {
    sub: client.client.ClientId,
    token_use: 'access',
    scope: scopes.join(' '),
    auth_time: now,
    iss: issuer(cx, poolId),
    exp: now + expiresIn,
    iat: now,
    version: 2,
    jti: cx.secrets.uuid(),
    client_id: client.client.ClientId,
  }
  return { accessToken: await signJwt({ kid: key.kid, alg: 'RS256' }, payload, key.privateJwk), expiresIn }
}
