import type { Context } from '../context.js'
import { issuer } from '../flows/sign-in/tokens.js'
import { domainHost, domainsOf } from '../resources/domains.js'
import { json } from './respond.js'
import type { HostedResponse } from './types.js'

/**
 * The OpenID discovery document at `<issuer>/.well-known/openid-configuration`, as captured from Cognito (keys in
 * alphabetical order): endpoints on the pool's domain (its custom domain if it has one), or on the issuer's host
 * when it has none. Served locally (`local` is the server's origin), the endpoints and the JWKS point at it.
 */
export function discoveryDocument(cx: Context, poolId: string, local?: string | undefined): HostedResponse {
  const iss = issuer(cx, poolId)
  const { prefix, custom } = domainsOf(cx, poolId)
  const domain = custom ?? prefix
  const base = domain
    ? local
      ? `${local}/_domain/${domain.domain}`
      : `https://${domainHost(domain, cx.region)}`
    : local
      ? `${local}/${poolId}`
      : iss
  return json(
    200,
    {
      authorization_endpoint: `${base}/oauth2/authorize`,
      end_session_endpoint: `${base}/logout`,
      id_token_signing_alg_values_supported: ['RS256'],
      issuer: iss,
      jwks_uri: `${local ? `${local}/${poolId}` : iss}/.well-known/jwks.json`,
      response_types_supported: ['code', 'token'],
      revocation_endpoint: `${base}/oauth2/revoke`,
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
      subject_types_supported: ['public'],
      token_endpoint: `${base}/oauth2/token`,
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      userinfo_endpoint: `${base}/oauth2/userInfo`,
    },
    { 'access-control-allow-origin': '*' },
  )
}
