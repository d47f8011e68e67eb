import { isCognitoError } from '../../protocol/errors.js'
import type { Can } from '../context.js'
import { checkAccessToken } from '../flows/sign-in/tokens.js'
import { readableBy } from '../resources/user-attributes.js'
import { json } from './respond.js'
import type { HostedRequest, HostedResponse, Site } from './types.js'

/** The WWW-Authenticate answers AWS documents for the userInfo endpoint. */
const BAD_REQUEST = 'error="invalid_request", error_description="Bad OAuth2 request at UserInfo Endpoint"'
const BAD_TOKEN =
  'error="invalid_token", error_description="Access token is expired, disabled, or deleted, or the user has globally signed out."'

/** Which attributes each OpenID scope opens (the OpenID Connect standard claims). */
const SCOPE_CLAIMS: Readonly<Record<string, readonly string[]>> = {
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
  profile: [
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
    'address',
  ],
}

/**
 * GET (or POST) /oauth2/userInfo with `Authorization: Bearer <access token>`: the user's `sub` and the attributes
 * the token's scopes open, as strings (chosen: the exact body is not captured). A token without `openid` (one from
 * InitiateAuth) is refused, as AWS documents.
 */
export async function userInfo(site: Site, request: HostedRequest): Promise<HostedResponse> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers['authorization'] ?? '')?.[1]
  if (!bearer) return { ...json(400, { error: 'invalid_request' }), headers: { 'www-authenticate': BAD_REQUEST } }
  const unauthorized = () => ({
    status: 401,
    headers: { 'www-authenticate': BAD_TOKEN, 'access-control-allow-origin': '*' },
    body: '',
  })
  let checked: Awaited<ReturnType<typeof checkAccessToken>>
  try {
    checked = await checkAccessToken(site.cx as Can<'NotAuthorizedException'>, bearer)
  } catch (error) {
    if (isCognitoError(error)) return unauthorized()
    throw error
  }
  const scopes = checked.claims.scope.split(' ')
  if (!checked.user || checked.pool.pool.Id !== site.pool.pool.Id || !scopes.includes('openid')) return unauthorized()
  const client = site.cx.tables.clients.get(checked.claims.client_id)
  const open = new Set(scopes.flatMap((s) => SCOPE_CLAIMS[s] ?? []))
  const attributes = readableBy(client?.client.ReadAttributes, checked.user.attributes).filter(
    ([name]) => open.has(name) || (name.startsWith('custom:') && scopes.includes('profile')),
  )
  return json(200, {
    sub: checked.user.sub,
    ...Object.fromEntries(attributes.filter(([n]) => n !== 'sub')),
    username: checked.user.username,
  })
}
