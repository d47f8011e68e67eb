import { revokeFamily } from '../resources/refresh-tokens.js'
import { oauthError } from './respond.js'
import { authenticateClient, formBody } from './token.js'
import type { HostedRequest, HostedResponse, Site } from './types.js'

/**
 * POST /oauth2/revoke `token=<refresh token>`: revokes it and every access token of its sign-in. As AWS documents
 * it: 200 with an empty body, also for a token already revoked or unknown; 400 `invalid_request` without a token
 * or when the client does not allow revocation; 400 `unsupported_token_type` for a token that is not a refresh
 * token; `invalid_client` for a bad client.
 */
export function revoke(site: Site, request: HostedRequest): HostedResponse {
  const body = formBody(request)
  if (request.method !== 'POST') return { status: 405, headers: { allow: 'POST' }, body: '' }
  if (!body) return oauthError(400, 'invalid_request')
  const client = authenticateClient(site, request, body)
  if (!('client' in client)) return client
  const text = body.get('token')
  if (!text || client.client.EnableTokenRevocation === false) return oauthError(400, 'invalid_request')
  if (/^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(text)) return oauthError(400, 'unsupported_token_type')
  const row = site.cx.tables.refreshTokens.get(text)
  if (row && row.clientId === client.client.ClientId) {
    const user = site.cx.tables.users.get(`${row.poolId}/${row.user}`)
    if (user) revokeFamily(site.cx, user, row.originJti)
  }
  return { status: 200, headers: { 'access-control-allow-origin': '*' }, body: '' }
}
