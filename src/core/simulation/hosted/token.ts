import { sha256Bytes, utf8ToBytes } from '../../shared/crypto.js'
import { base64url } from '../../shared/jwt.js'
import { base64ToBytes } from '../../shared/text.js'
import type { Can } from '../context.js'
import { allowsClientCredentials, clientAccessToken, grantedScopes } from '../flows/client-credentials.js'
import { issueTokens } from '../flows/sign-in/tokens.js'
import type { LambdaErrors } from '../lambdas.js'
import { activeSecrets, secretMatches } from '../resources/client-secrets.js'
import type { ClientRow } from '../resources/clients.js'
import { oauthTokens } from './complete.js'
import { decoded, json, oauthError } from './respond.js'
import type { HostedRequest, HostedResponse, Site } from './types.js'

/** The client a token or revocation request authenticates as: HTTP Basic or `client_id`/`client_secret` in the body. */
export function authenticateClient(
  site: Site,
  request: HostedRequest,
  body: URLSearchParams,
): ClientRow | HostedResponse {
  let id = body.get('client_id') ?? undefined
  let secret = body.get('client_secret') ?? undefined
  const basic = /^Basic\s+(.+)$/i.exec(request.headers['authorization'] ?? '')
  if (basic) {
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(basic[1]!.trim()))
    } catch {
      return oauthError(400, 'invalid_client')
    }
    const at = text.indexOf(':')
    id = decoded(text.slice(0, at < 0 ? undefined : at))
    secret = at < 0 ? undefined : decoded(text.slice(at + 1))
    // Credentials whose escapes are malformed name no client (AWS documents 400 invalid_client for a bad one).
    if (id === undefined || (at >= 0 && secret === undefined)) return oauthError(400, 'invalid_client')
  }
  const client = id === undefined ? undefined : site.cx.tables.clients.get(id)
  // AWS documents 400 {"error":"invalid_client"} for an unknown client or a wrong secret (RFC 6749 says 401).
  if (!client || client.client.UserPoolId !== site.pool.pool.Id) return oauthError(400, 'invalid_client')
  // Either active secret authenticates the client while one is rotated out (client-secrets.ts says why).
  if (activeSecrets(site.cx, client).length > 0 && !secretMatches(site.cx, client, secret))
    return oauthError(400, 'invalid_client')
  return client
}

const FORM = 'application/x-www-form-urlencoded'

/** The body of a form POST, or undefined when the request is not one. */
export function formBody(request: HostedRequest): URLSearchParams | undefined {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  return type === FORM ? new URLSearchParams(request.body) : undefined
}

/** S256: BASE64URL(SHA-256(verifier)) (RFC 7636). */
function s256(verifier: string): string {
  return base64url(sha256Bytes(utf8ToBytes(verifier)))
}

/**
 * POST /oauth2/token, as AWS documents it: authorization_code (single use, the same redirect_uri, the PKCE
 * verifier when a challenge was sent), refresh_token, client_credentials (a client with a secret and that flow; the
 * resource servers' scopes). Errors are 400 `{"error":"invalid_request|invalid_client|invalid_grant|
 * unauthorized_client|unsupported_grant_type|invalid_scope"}` without a description.
 */
export async function token(site: Site, request: HostedRequest): Promise<HostedResponse> {
  const body = formBody(request)
  if (request.method !== 'POST') return { status: 405, headers: { allow: 'POST' }, body: '' }
  if (!body) return oauthError(400, 'invalid_request')
  const client = authenticateClient(site, request, body)
  if (!('client' in client)) return client
  const cx = site.cx as Can<LambdaErrors>
  const grant = body.get('grant_type')
  const flows = client.client.AllowedOAuthFlows ?? []
  switch (grant) {
    case 'authorization_code': {
      const codeText = body.get('code')
      if (!codeText) return oauthError(400, 'invalid_request')
      if (!client.client.AllowedOAuthFlowsUserPoolClient || !flows.includes('code'))
        return oauthError(400, 'unauthorized_client')
      const code = cx.tables.authCodes.get(codeText)
      if (!code || code.clientId !== client.client.ClientId || code.used || cx.now() > code.expires)
        return oauthError(400, 'invalid_grant')
      cx.tables.authCodes.put({ ...code, used: true })
      // Chosen (not captured): a different redirect_uri or a wrong verifier is invalid_grant.
      if (body.get('redirect_uri') !== code.redirectUri) return oauthError(400, 'invalid_grant')
      if (code.codeChallenge !== undefined) {
        const verifier = body.get('code_verifier')
        if (!verifier || s256(verifier) !== code.codeChallenge) return oauthError(400, 'invalid_grant')
      }
      const user = cx.tables.users.get(`${code.poolId}/${code.user}`)
      if (!user?.enabled) return oauthError(400, 'invalid_grant')
      const result = await oauthTokens(
        cx,
        site,
        { client, scopes: code.scopes, nonce: code.nonce },
        user,
        code.authTime,
      )
      return json(200, {
        ...(code.scopes.includes('openid') && { id_token: result.IdToken }),
        access_token: result.AccessToken,
        refresh_token: result.RefreshToken,
        expires_in: result.ExpiresIn,
        token_type: 'Bearer',
      })
    }
    case 'refresh_token': {
      const text = body.get('refresh_token')
      if (!text) return oauthError(400, 'invalid_request')
      const row = cx.tables.refreshTokens.get(text)
      if (!row || row.clientId !== client.client.ClientId || row.revoked || cx.now() > row.expires)
        return oauthError(400, 'invalid_grant')
      const user = cx.tables.users.get(`${row.poolId}/${row.user}`)
      if (!user?.enabled) return oauthError(400, 'invalid_grant')
      const { access, id, expiresIn } = await issueTokens(
        cx,
        site.pool,
        client,
        user,
        {
          authTime: row.authTime,
          originJti: row.originJti,
          ...(row.scopes !== undefined && { scopes: row.scopes }),
        },
        { source: 'TokenGeneration_RefreshTokens' },
      )
      const openid = row.scopes === undefined || row.scopes.includes('openid')
      return json(200, {
        ...(openid && { id_token: id }),
        access_token: access,
        expires_in: expiresIn,
        token_type: 'Bearer',
      })
    }
    case 'client_credentials': {
      if (!allowsClientCredentials(client)) return oauthError(400, 'unauthorized_client')
      const asked = (body.get('scope') ?? '').split(/\s+/).filter(Boolean)
      const scopes = grantedScopes(cx, site.pool.pool.Id, client, asked)
      if (!scopes) return oauthError(400, 'invalid_scope')
      const { accessToken, expiresIn } = await clientAccessToken(cx, site.pool.pool.Id, client, scopes)
      return json(200, { access_token: accessToken, expires_in: expiresIn, token_type: 'Bearer' })
    }
    case null:
      return oauthError(400, 'invalid_request')
    default:
      return oauthError(400, 'unsupported_grant_type')
  }
}
