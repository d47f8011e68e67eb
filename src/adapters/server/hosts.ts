import { isIP } from 'node:net'
import { hostname } from 'node:os'

/** Whether an interface to bind is this machine's loopback (what `serve` binds by default). */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare)
}

/** The name part of a Host header or an origin's authority, lower case, without its port (IPv6 without brackets). */
export function hostName(authority: string): string {
  const text = authority.trim().toLowerCase()
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']') < 0 ? undefined : text.indexOf(']'))
  const colon = text.lastIndexOf(':')
  return colon >= 0 && text.indexOf(':') === colon ? text.slice(0, colon) : text
}

/** Cognito's own host names, which no page can point at this machine by DNS: the API's and prefix domains'. */
const AWS_HOST =
  /^(?:cognito-idp(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com|[a-z0-9-]+\.auth(?:-fips)?\.[a-z0-9-]+\.amazoncognito\.com)$/

/** What decides the Host headers a server answers. */
export interface HostPolicy {
  /** The interface bound. */
  readonly bound: string
  /** Names given with `allowHosts` (`--allow-host`), e.g. a container's service name; pages of these hosts may call it too. */
  readonly allowed: readonly string[]
}

/**
 * Whether a Host header names this server, so a page whose name was pointed at 127.0.0.1 (DNS rebinding) is refused:
 * loopback names and addresses, the interface bound, names allowed by the caller and Cognito's own API and domain hosts
 * (reached through a routing helper or a hosts file); when bound beyond loopback, also IP addresses and this machine's
 * name (a rebinding page always comes with a name of its own). A pool's custom domain is not taken on its own word:
 * any page may create one through the API, so it is answered only when allowed by name.
 */
export function hostAllowed(header: string | undefined, policy: HostPolicy): boolean {
  if (header === undefined) return true
  const name = hostName(header)
  if (name === '' || /[\s/\\@]/.test(name)) return false
  if (isLoopback(name) || name === hostName(policy.bound) || AWS_HOST.test(name)) return true
  if (policy.allowed.some((a) => a.toLowerCase() === name)) return true
  return !isLoopback(policy.bound) && (isIP(name) !== 0 || name === hostname().toLowerCase())
}

/** Whether an Origin header is one of this machine's own pages (a loopback origin), or one whose host is allowed. */
export function originAllowed(origin: string, policy: HostPolicy): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  const name = hostName(url.host)
  return isLoopback(name) || policy.allowed.some((a) => a.toLowerCase() === name)
}
