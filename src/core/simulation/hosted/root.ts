import { decodeJwt } from '../../shared/jwt.js'
import type { Store } from '../schema.js'
import type { HostedRoute } from './route.js'
import type { HostedRequest } from './types.js'

/** The paths of a domain, as they are reached at the root of a local server. */
const DOMAIN_PATHS =
  /^\/(?:oauth2\/(?:authorize|token|userInfo|userinfo|revoke|idpresponse)|authorize|login|signup|confirm|forgotPassword|confirmForgotPassword|logout|error|saml2\/(?:idpresponse|logout)|_stand-in\/[^/]+)\/?$/

/** Loopback host names: where a browser reaches `serve` on this machine. */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname)
}

/** The identifiers a request to a domain carries that name its pool: client ids, an access token's client, a state. */
function identifiers(url: URL, request: HostedRequest, body: URLSearchParams | undefined) {
  const clients: string[] = []
  const states: string[] = []
  for (const params of [url.searchParams, body]) {
    const id = params?.get('client_id')
    if (id) clients.push(id)
    const state = params?.get('state') ?? params?.get('RelayState')
    if (state) states.push(state)
    // An IdP-initiated SAML response: its RelayState carries the authorize parameters, the client among them.
    const relayed = params?.get('RelayState')
    const relayedClient = relayed ? new URLSearchParams(relayed).get('client_id') : null
    if (relayedClient) clients.push(relayedClient)
  }
  const auth = request.headers['authorization'] ?? ''
  const basic = /^Basic\s+(\S+)$/i.exec(auth)?.[1]
  if (basic) {
    try {
      clients.push(atob(basic).split(':')[0] ?? '')
    } catch {
      // Not base64: the endpoint answers it.
    }
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1]
  const claim = bearer === undefined ? undefined : decodeJwt(bearer)?.payload['client_id']
  if (typeof claim === 'string') clients.push(claim)
  return { clients, states }
}

/**
 * The domain a request at the root of a loopback server is for, so a browser app may name `serve` itself as
 * Amplify's `oauth.domain` (`127.0.0.1:9229`, `localhost:9229`): a domain path (`/oauth2/authorize`, `/login`,
 * `/oauth2/token`…) that names one of the simulation's app clients (`client_id`, a Basic header, an access token)
 * or a federated sign-in in flight (`state`) is for that pool's domain (its prefix domain first). Chosen: nothing
 * else is taken, so an app's own pages on localhost are never answered as Cognito's.
 */
export function rootRoute(
  store: Store,
  url: URL,
  request: HostedRequest,
  body: URLSearchParams | undefined,
): HostedRoute | undefined {
  if (!isLoopbackHost(url.hostname) || !DOMAIN_PATHS.test(url.pathname)) return undefined
  const { clients, states } = identifiers(url, request, body)
  for (const partition of store.occupied()) {
    const { tables } = partition
    const poolId =
      clients.map((id) => tables.clients.get(id)?.client.UserPoolId).find((id) => id !== undefined) ??
      states.map((state) => tables.federations.get(state)?.poolId).find((id) => id !== undefined)
    if (poolId === undefined) continue
    const domains = tables.domains.children(poolId)
    const domain = domains.find((d) => !d.custom) ?? domains[0]
    if (!domain) return undefined
    return {
      kind: 'domain',
      domain: domain.domain,
      ...(!domain.custom && { region: partition.region }),
      ...(domain.custom && { customHost: true }),
      base: url.origin,
      path: url.pathname,
    }
  }
  return undefined
}
