import type { Can } from '../context.js'
import { authenticationResult } from '../flows/sign-in/tokens.js'
import type { LambdaErrors } from '../lambdas.js'
import type { UserRow } from '../resources/users.js'
import { redirect, sessionCookie, withParams } from './respond.js'
import type { Authorization, HostedResponse, Site } from './types.js'

/** How long an authorization code lasts: five minutes (AWS's documentation). */
export const CODE_SECONDS = 300

/** How long the hosted UI remembers a browser's sign-in (chosen: one hour; Cognito's is not documented). */
export const SESSION_SECONDS = 3_600

/** Tokens for a sign-in through the domain: OAuth scopes, the nonce, TokenGeneration_HostedAuth for the trigger. */
export async function oauthTokens(
  cx: Can<LambdaErrors>,
  site: Pick<Site, 'pool'>,
  authorization: Pick<Authorization, 'client' | 'scopes' | 'nonce'>,
  user: UserRow,
  authTime: number,
) {
  return authenticationResult(
    cx,
    site.pool,
    authorization.client,
    user,
    {
      authTime,
      originJti: cx.secrets.uuid(),
      scopes: authorization.scopes,
      ...(authorization.nonce !== undefined && { nonce: authorization.nonce }),
    },
    { refresh: true, occasion: { source: 'TokenGeneration_HostedAuth' } },
  )
}

/**
 * Finishes an authorization for a signed-in user: remembers the browser's session (a cookie), then redirects to the
 * app with a code (`?code=…&state=…`) or, for the implicit grant, tokens in the fragment (`#id_token=…&access_token=…
 * &token_type=bearer&expires_in=…&state=…`, lower-case `bearer` as AWS documents it).
 */
export async function complete(
  site: Site,
  authorization: Authorization,
  user: UserRow,
  authTime: number,
  sessionId?: string | undefined,
): Promise<HostedResponse> {
  const cx = site.cx as Can<LambdaErrors>
  const now = cx.now()
  let session = sessionId
  if (session === undefined) {
    session = cx.secrets.chars(40, 'abcdefghijklmnopqrstuvwxyz0123456789')
    cx.tables.hostedSessions.insert({
      id: session,
      poolId: site.pool.pool.Id,
      user: user.key,
      authTime,
      expires: now + SESSION_SECONDS,
    })
  }
  const cookie = sessionCookie(site.base, session, SESSION_SECONDS)
  if (authorization.responseType === 'code') {
    const code = cx.secrets.uuid()
    cx.tables.authCodes.insert({
      code,
      poolId: site.pool.pool.Id,
      clientId: authorization.client.client.ClientId,
      redirectUri: authorization.redirectUri,
      scopes: authorization.scopes,
      user: user.key,
      authTime,
      ...(authorization.nonce !== undefined && { nonce: authorization.nonce }),
      ...(authorization.codeChallenge !== undefined && { codeChallenge: authorization.codeChallenge }),
      expires: now + CODE_SECONDS,
      used: false,
    })
    return redirect(withParams(authorization.redirectUri, { code, state: authorization.state }), cookie)
  }
  const result = await oauthTokens(cx, site, authorization, user, authTime)
  const fragment = {
    ...(authorization.scopes.includes('openid') && { id_token: result.IdToken }),
    access_token: result.AccessToken,
    token_type: 'bearer',
    expires_in: String(result.ExpiresIn),
    state: authorization.state,
  }
  return redirect(withParams(authorization.redirectUri, fragment, true), cookie)
}
