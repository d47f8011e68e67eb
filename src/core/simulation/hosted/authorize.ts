import type { Context } from '../context.js'
import type { ClientRow } from '../resources/clients.js'
import { STANDARD_SCOPES } from '../resources/clients.js'
import { customScopes } from '../resources/resource-servers.js'
import { redirect, withParams } from './respond.js'
import { type Authorization, HostedFailure, type Site } from './types.js'

/** The error page a browser lands on when Cognito will not redirect back (seen: `/error?error=redirect_mismatch&client_id=<id>`). */
export function errorPage(site: Site, error: string, clientId?: string | undefined): HostedFailure {
  return new HostedFailure(redirect(withParams(`${site.base}/error`, { error, client_id: clientId })))
}

/** An error sent back to the app's registered redirect URI (`?error=…&state=…`, AWS's documentation). */
export function backToApp(
  redirectUri: string,
  error: string,
  state: string | undefined,
  description?: string | undefined,
  inFragment = false,
): HostedFailure {
  return new HostedFailure(
    redirect(withParams(redirectUri, { error_description: description, state, error }, inFragment)),
  )
}

/** The client's scopes that exist: the standard ones and the pool's resource servers' (unknown ones are ignored). */
function grantable(cx: Context, client: ClientRow): string[] {
  const custom = new Set(customScopes(cx, client.client.UserPoolId))
  return (client.client.AllowedOAuthScopes ?? []).filter(
    (s) => (STANDARD_SCOPES as readonly string[]).includes(s) || custom.has(s),
  )
}

/**
 * Checks an authorization request (`/oauth2/authorize` and `/login` take the same parameters), as AWS documents
 * the endpoint: an unknown client or an unregistered redirect URI go to the error page; other mistakes go back to
 * the app as `?error=invalid_request|unauthorized_client|invalid_scope&state=…`. Unknown scopes are ignored, none
 * means all of the client's; `phone`, `email` and `profile` need `openid`.
 */
export function checkAuthorization(site: Site, query: URLSearchParams): Authorization {
  const { cx } = site
  const clientId = query.get('client_id') ?? undefined
  const client = clientId === undefined ? undefined : cx.tables.clients.get(clientId)
  // Chosen: an unknown client or one of another pool is the error page's invalid_request (no capture found).
  if (!client || client.client.UserPoolId !== site.pool.pool.Id) throw errorPage(site, 'invalid_request', clientId)
  const redirectUri = query.get('redirect_uri') ?? undefined
  if (redirectUri === undefined || !(client.client.CallbackURLs ?? []).includes(redirectUri))
    throw errorPage(site, 'redirect_mismatch', clientId)
  const state = query.get('state') ?? undefined
  const type = query.get('response_type')
  if (type === null) throw backToApp(redirectUri, 'invalid_request', state)
  // Seen: only `code` and `token` are taken; `token id_token` and `id_token` land on the error page.
  if (type !== 'code' && type !== 'token') throw errorPage(site, 'invalid_request', clientId)
  const flows = client.client.AllowedOAuthFlows ?? []
  if (!client.client.AllowedOAuthFlowsUserPoolClient || !flows.includes(type === 'code' ? 'code' : 'implicit'))
    throw backToApp(redirectUri, 'unauthorized_client', state, undefined, type === 'token')
  const challenge = query.get('code_challenge') ?? undefined
  const method = query.get('code_challenge_method') ?? undefined
  if ((challenge !== undefined || method !== undefined) && (method !== 'S256' || challenge === undefined))
    throw backToApp(redirectUri, 'invalid_request', state, undefined, type === 'token')
  const allowed = grantable(cx, client)
  const asked = (query.get('scope') ?? '').split(/[\s+]+/).filter(Boolean)
  let scopes = asked.length ? allowed.filter((s) => asked.includes(s)) : allowed
  if (!scopes.includes('openid')) scopes = scopes.filter((s) => !['phone', 'email', 'profile'].includes(s))
  if (scopes.length === 0) throw backToApp(redirectUri, 'invalid_scope', state, undefined, type === 'token')
  const nonce = query.get('nonce') ?? undefined
  const loginHint = query.get('login_hint') ?? undefined
  return {
    client,
    redirectUri,
    responseType: type,
    scopes,
    ...(state !== undefined && { state }),
    ...(nonce !== undefined && { nonce }),
    ...(challenge !== undefined && { codeChallenge: challenge }),
    ...(loginHint !== undefined && { loginHint }),
  }
}

/** The query that carries an authorization request on to `/login` and back. */
export function authorizationQuery(query: URLSearchParams): string {
  const keep = new URLSearchParams()
  for (const key of [
    'client_id',
    'redirect_uri',
    'response_type',
    'state',
    'scope',
    'nonce',
    'code_challenge',
    'code_challenge_method',
    'login_hint',
    'lang',
  ]) {
    const v = query.get(key)
    if (v !== null) keep.set(key, v)
  }
  return keep.toString()
}
