import { decodeJwt, verifyJwt } from '../../shared/jwt.js'
import type { Can } from '../context.js'
import type { ProviderRow } from '../resources/identity-providers.js'
import { discoverEndpoints, isLoopback } from '../resources/oidc-discovery.js'
import type { UserRow } from '../resources/users.js'
import { authorizationQuery, backToApp, checkAuthorization, errorPage } from './authorize.js'
import { complete } from './complete.js'
import { federatedUser } from './federated-user.js'
import { redirect, withParams } from './respond.js'
import { startSaml } from './saml.js'
import { isSocial, toStandIn } from './social.js'
import type { FederationRow } from './state.js'
import { type Authorization, HostedFailure, type HostedResponse, type Site } from './types.js'

/** A federation failure as it goes back to the app: `error=invalid_request` with a description (seen from Cognito). */
function refusal(authorization: Authorization): (description: string) => HostedFailure {
  return (description) =>
    backToApp(
      authorization.redirectUri,
      'invalid_request',
      authorization.state,
      description,
      authorization.responseType === 'token',
    )
}

/** How long a federated sign-in may take: five minutes (AWS's documentation of the OIDC flow). */
const FEDERATION_SECONDS = 300

/** The provider's endpoints: from its details, or (loopback issuers) from its discovery document. */
async function endpoints(site: Site, provider: ProviderRow) {
  const d = provider.details
  if (d['authorize_url'] && d['token_url'] && d['attributes_url'] && d['jwks_uri'])
    return {
      authorize_url: d['authorize_url'],
      token_url: d['token_url'],
      attributes_url: d['attributes_url'],
      jwks_uri: d['jwks_uri'],
    }
  const issuer = d['oidc_issuer']
  if (!issuer || !isLoopback(issuer)) return undefined
  return discoverEndpoints(site.cx as Can<'InvalidParameterException'>, issuer)
}

/** Remembers a federated sign-in sent to a provider: its state (opaque, Cognito's own), nonce and the app's request. */
export function remember(site: Site, name: string, query: URLSearchParams): FederationRow {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  return site.cx.tables.federations.insert({
    state: site.cx.secrets.chars(43, alphabet),
    poolId: site.pool.pool.Id,
    provider: name,
    authorize: authorizationQuery(query),
    callback: `${site.base}/oauth2/idpresponse`,
    nonce: site.cx.secrets.chars(43, alphabet),
    expires: site.cx.now() + FEDERATION_SECONDS,
  })
}

/**
 * Sends the browser to an OIDC provider's authorize endpoint (AWS's documentation): `client_id`,
 * `redirect_uri=<domain>/oauth2/idpresponse`, `response_type=code`, `scope=<authorize_scopes>`, and a state of
 * Cognito's own (opaque). Chosen: a nonce is sent too and checked in the provider's ID token. Social providers go
 * to the domain's stand-in page instead (no real provider is reachable under test), SAML providers to their IdP.
 */
export async function startFederation(site: Site, name: string, query: URLSearchParams): Promise<HostedResponse> {
  const authorization = checkAuthorization(site, query)
  const provider = site.cx.tables.providers.get(`${site.pool.pool.Id}/${name}`)
  const back = refusal(authorization)
  if (!provider) throw back(`The identity provider ${name} does not exist.`)
  if (isSocial(provider.type)) {
    const row = remember(site, name, query)
    return toStandIn(site, provider, row.callback, row.state)
  }
  if (provider.type === 'SAML') {
    const row = remember(site, name, query)
    try {
      return await startSaml(site, provider, row)
    } catch (error) {
      // Chosen without evidence: metadata that cannot be read goes back to the app as SAML failures do.
      throw backToApp(
        authorization.redirectUri,
        'server_error',
        authorization.state,
        (error as Error).message,
        authorization.responseType === 'token',
      )
    }
  }
  if (provider.type !== 'OIDC') throw back(`${provider.type} sign-in is not simulated.`)
  let found: Awaited<ReturnType<typeof endpoints>>
  try {
    found = await endpoints(site, provider)
  } catch (error) {
    throw back((error as Error).message)
  }
  if (!found) throw back(`${name} has no endpoints the simulation can reach (a loopback issuer, or all four URLs).`)
  const { state, nonce, callback } = remember(site, name, query)
  return redirect(
    withParams(found.authorize_url, {
      client_id: provider.details['client_id'],
      redirect_uri: callback,
      response_type: 'code',
      scope: provider.details['authorize_scopes'] ?? 'openid',
      state,
      nonce,
    }),
  )
}

/** Verifies the provider's ID token: RS256 with a key of its JWKS, its issuer, our client id, not expired, our nonce. */
async function verifiedIdToken(
  site: Site,
  provider: ProviderRow,
  jwksUri: string,
  idToken: string,
  nonce: string,
): Promise<Record<string, unknown>> {
  const decoded = decodeJwt(idToken)
  if (!decoded) throw new Error('the ID token is not a JWT')
  const jwks = (await (await fetch(jwksUri, { signal: AbortSignal.timeout(5_000) })).json()) as { keys: JsonWebKey[] }
  const kid = decoded.header['kid']
  const key = jwks.keys.find((k) => (k as { kid?: string }).kid === kid && k.kty === 'RSA')
  if (!key || decoded.header['alg'] !== 'RS256' || !(await verifyJwt(decoded, key)))
    throw new Error('the ID token signature could not be verified')
  const claims = decoded.payload
  const issuer = provider.details['oidc_issuer']
  if (issuer !== undefined && claims['iss'] !== issuer)
    throw new Error(`the ID token's issuer is ${String(claims['iss'])}`)
  const aud = claims['aud']
  const clientId = provider.details['client_id']
  if (!(Array.isArray(aud) ? aud.includes(clientId) : aud === clientId))
    throw new Error('the ID token is not for this client')
  if (typeof claims['exp'] !== 'number' || claims['exp'] <= site.cx.now()) throw new Error('the ID token has expired')
  if (claims['nonce'] !== undefined && claims['nonce'] !== nonce) throw new Error('the ID token nonce does not match')
  return claims
}

/**
 * GET /oauth2/idpresponse: the provider's answer. Exchanges the code at its token endpoint (client_secret_post, the
 * method Cognito uses), verifies its ID token, reads userinfo with `attributes_request_method`, maps the
 * attributes, signs the user in and finishes the app's authorization. Failures go back to the app as
 * `?error_description=…&state=…&error=invalid_request` (seen from Cognito).
 */
export async function federatedResponse(site: Site): Promise<HostedResponse> {
  const { query, cx } = site
  const row = cx.tables.federations.get(query.get('state') ?? '')
  // Chosen: an unknown or stale state lands on the error page.
  if (!row || cx.now() > row.expires) throw errorPage(site, 'invalid_request')
  cx.tables.federations.delete(row.state)
  const appQuery = new URLSearchParams(row.authorize)
  const authorization = checkAuthorization(site, appQuery)
  const back = refusal(authorization)
  const provider = cx.tables.providers.get(`${row.poolId}/${row.provider}`)
  if (!provider) throw back(`The identity provider ${row.provider} does not exist.`)
  const error = query.get('error')
  if (isSocial(provider.type)) return socialResponse(site, row, authorization, provider)
  if (error !== null) throw back(query.get('error_description') ?? error)
  const code = query.get('code')
  if (!code) throw back('No code was received from the identity provider.')
  let user: UserRow
  try {
    const found = (await endpoints(site, provider))!
    const response = await fetch(found.token_url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Amazon/Cognito' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: row.callback,
        client_id: provider.details['client_id'] ?? '',
        ...(provider.details['client_secret'] !== undefined && { client_secret: provider.details['client_secret'] }),
      }),
      signal: AbortSignal.timeout(5_000),
    })
    const body = await response.text()
    // Seen from Cognito: "Bad token response: HTTP/1.1 400 Bad Request, entity: …".
    if (!response.ok)
      throw new Error(`Bad token response: HTTP/1.1 ${response.status} ${response.statusText}, entity: ${body}`)
    const tokens = JSON.parse(body) as { id_token?: string; access_token?: string }
    if (!tokens.id_token || !tokens.access_token) throw new Error('Bad token response: no id_token or access_token')
    const claims = await verifiedIdToken(site, provider, found.jwks_uri, tokens.id_token, row.nonce)
    const method = provider.details['attributes_request_method'] === 'POST' ? 'POST' : 'GET'
    const info = await fetch(found.attributes_url, {
      method,
      headers: { authorization: `Bearer ${tokens.access_token}`, 'user-agent': 'Amazon/Cognito' },
      signal: AbortSignal.timeout(5_000),
    })
    if (!info.ok) throw new Error(`Bad userinfo response: HTTP/1.1 ${info.status} ${info.statusText}`)
    const userinfo = (await info.json()) as Record<string, unknown>
    user = await federatedUser(site, provider, { ...claims, ...userinfo }, authorization.client.client.ClientId)
  } catch (failure) {
    if (failure instanceof HostedFailure) throw failure
    throw back((failure as Error).message)
  }
  return complete(site, authorization, user, Math.floor(cx.now()))
}

/**
 * A social provider's answer through its stand-in page: its refusal goes back to the app with the provider's code
 * (Cognito relays an outside provider's error code verbatim: aws-amplify/amplify-flutter#7350); a code it sent
 * brings the picked account's claims, and the sign-in goes on as after the real provider's callback.
 */
async function socialResponse(
  site: Site,
  row: FederationRow,
  authorization: Authorization,
  provider: ProviderRow,
): Promise<HostedResponse> {
  const { query, cx } = site
  const error = query.get('error')
  const inFragment = authorization.responseType === 'token'
  if (error !== null)
    throw backToApp(
      authorization.redirectUri,
      error,
      authorization.state,
      query.get('error_description') ?? undefined,
      inFragment,
    )
  const back = refusal(authorization)
  const code = query.get('code')
  // Chosen: a code the stand-in did not give is the provider's token endpoint refusing it.
  if (!code || row.standIn === undefined || code !== row.standIn.code)
    throw back('Bad token response: HTTP/1.1 400 Bad Request, entity: {"error":"invalid_grant"}')
  let user: UserRow
  try {
    user = await federatedUser(site, provider, row.standIn.claims, authorization.client.client.ClientId)
  } catch (failure) {
    if (failure instanceof HostedFailure) throw failure
    throw back((failure as Error).message)
  }
  return complete(site, authorization, user, Math.floor(cx.now()))
}
