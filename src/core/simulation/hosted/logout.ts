import { authorizationQuery, errorPage } from './authorize.js'
import { cookies, redirect, SESSION_COOKIE, sessionCookie } from './respond.js'
import { samlSignOut } from './saml-logout.js'
import type { HostedResponse, Site } from './types.js'

/**
 * GET /logout: forgets the browser's sign-in, then redirects to `logout_uri` (one of the client's LogoutURLs) or,
 * with `redirect_uri` and `response_type`, to the sign-in page with those parameters (AWS's documentation). Not
 * OpenID RP-initiated logout: `id_token_hint` and `post_logout_redirect_uri` are not read. A session a SAML provider
 * with `IDPSignout` opened goes to the IdP's sign-out first (seen from Cognito: "After your IdP redirects your user
 * back to saml2/logout, Amazon Cognito responds with one more redirect to the redirect_uri or logout_uri from your
 * request.", AWS's Developer Guide, the logout endpoint).
 */
export async function logout(site: Site): Promise<HostedResponse> {
  const { query, cx } = site
  const sid = cookies(site.request.headers).get(SESSION_COOKIE)
  const clientId = query.get('client_id') ?? undefined
  const client = clientId === undefined ? undefined : cx.tables.clients.get(clientId)
  if (!client || client.client.UserPoolId !== site.pool.pool.Id) throw errorPage(site, 'invalid_request', clientId)
  const logoutUri = query.get('logout_uri')
  const redirectUri = query.get('redirect_uri')
  let target: string
  if (logoutUri !== null) {
    // Chosen (as redirect_mismatch at /oauth2/authorize): an unregistered logout_uri lands on the error page.
    if (!(client.client.LogoutURLs ?? []).includes(logoutUri)) throw errorPage(site, 'redirect_mismatch', clientId)
    target = logoutUri
  } else if (redirectUri !== null && query.get('response_type') !== null) {
    target = `${site.base}/login?${authorizationQuery(query)}`
  } else throw errorPage(site, 'invalid_request', clientId)
  if (sid === undefined || !cx.tables.hostedSessions.has(sid))
    return redirect(target, sessionCookie(site.base, undefined, 0))
  // Chosen: the browser's session ends here, before the IdP answers (the IdP may never send it back).
  cx.tables.hostedSessions.delete(sid)
  return (await samlSignOut(site, sid, target)) ?? redirect(target, sessionCookie(site.base, undefined, 0))
}
