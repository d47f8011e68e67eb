import { decoded } from './respond.js'

/** Where a URL lands among a pool's domains and issuers. */
export type HostedRoute =
  | {
      readonly kind: 'domain'
      readonly domain: string
      /** The region, for a prefix domain's host. */
      readonly region?: string | undefined
      /** Whether the domain is named by a custom host (rather than a prefix or the local path). */
      readonly customHost?: boolean | undefined
      readonly base: string
      readonly path: string
    }
  | {
      readonly kind: 'discovery'
      readonly poolId: string
      readonly region: string
      readonly local?: string | undefined
    }

/** A prefix domain's host: `<prefix>.auth.<region>.amazoncognito.com`. */
const PREFIX_HOST =
  /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.auth(?:-fips)?\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazoncognito\.com$/
/** A Cognito issuer host. */
const ISSUER_HOST = /^cognito-idp(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com$/
/** The local form of a domain under `serve`: `<origin>/_domain/<domain>/<path>`. */
const LOCAL_DOMAIN = /^\/_domain\/([^/]+)(\/.*)?$/
const DISCOVERY = /^\/([a-z]{2}(?:-gov)?-[a-z]+-\d)_[0-9a-zA-Z]+\/\.well-known\/openid-configuration$/

/** The route of a URL, or undefined for URLs that are neither a domain's nor a discovery document's. */
export function hostedRoute(url: URL, customDomains: (host: string) => boolean): HostedRoute | undefined {
  const prefix = PREFIX_HOST.exec(url.hostname)
  if (prefix) return { kind: 'domain', domain: prefix[1]!, region: prefix[2]!, base: url.origin, path: url.pathname }
  const discovery = DISCOVERY.exec(url.pathname)
  if (discovery) {
    const poolId = url.pathname.split('/')[1]!
    const issuerHost = ISSUER_HOST.exec(url.hostname)
    return issuerHost
      ? { kind: 'discovery', poolId, region: discovery[1]! }
      : { kind: 'discovery', poolId, region: discovery[1]!, local: url.origin }
  }
  const local = LOCAL_DOMAIN.exec(url.pathname)
  if (local && !ISSUER_HOST.test(url.hostname)) {
    const name = decoded(local[1]!) ?? local[1]!
    // `/_domain/<prefix>.auth.<region>.amazoncognito.com/` names the region too, for a prefix two regions hold.
    const full = PREFIX_HOST.exec(name)
    return {
      kind: 'domain',
      domain: full ? full[1]! : name,
      ...(full && { region: full[2]! }),
      base: `${url.origin}/_domain/${local[1]}`,
      path: local[2] ?? '/',
    }
  }
  if (ISSUER_HOST.test(url.hostname)) return undefined
  if (customDomains(url.hostname))
    return { kind: 'domain', domain: url.hostname, customHost: true, base: url.origin, path: url.pathname }
  return undefined
}
