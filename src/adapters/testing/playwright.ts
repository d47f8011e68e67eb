import type { WireRequest, WireResponse } from '../../core/protocol/types.js'

/** The request of a routed Playwright navigation or fetch (the members of Playwright's `Request` used here). */
export interface RoutedRequest {
  url(): string
  method(): string
  allHeaders(): Promise<Record<string, string>>
  postData(): string | null
}

/** A routed request's handle (the members of Playwright's `Route` used here). */
export interface PlaywrightRoute {
  request(): RoutedRequest
  fulfill(response: { status?: number; headers?: Record<string, string>; body?: string }): Promise<void>
}

/** What can be routed: a Playwright `Page` or `BrowserContext` (structurally; Playwright is not a dependency). */
export interface RoutablePage {
  route(url: (url: URL) => boolean, handler: (route: PlaywrightRoute) => Promise<void>): Promise<unknown>
}

/** Where a routed request is answered: `serve`'s URL, or an in-process mock (`createCognitoMock`, the handlers' `cognito`). */
export type CognitoRouteTarget = string | { readonly handle: (request: WireRequest) => Promise<WireResponse> }

/** Options of `routeCognitoDomains`. */
export interface RouteCognitoDomainsOptions {
  /** Custom domains to route too (prefix domains, `<prefix>.auth.<region>.amazoncognito.com`, always are). */
  readonly hosts?: readonly string[] | undefined
}

/** A prefix domain's host. */
const PREFIX_HOST =
  /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.auth(?:-fips)?\.[a-z]{2}(?:-gov)?-[a-z]+-\d\.amazoncognito\.com$/

/** A serve answer as the real host would give it: its local base (`<serve>/_domain/<host>`) turned into the host's. */
function asRealHost(response: WireResponse, local: string, real: string): WireResponse {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers)) {
    if (name.toLowerCase() === 'location')
      headers[name] = value.replaceAll(local, real).replaceAll(encodeURIComponent(local), encodeURIComponent(real))
    else if (name.toLowerCase() === 'set-cookie')
      headers[name] = value.replaceAll(`Path=${new URL(local).pathname}`, 'Path=/')
    else headers[name] = value
  }
  return { status: response.status, headers, body: response.body.replaceAll(local, real) }
}

/** Sends a request to `serve`'s local form of the domain (`/_domain/<host>/…`) and reads the answer whole. */
async function throughServe(serve: string, request: WireRequest): Promise<WireResponse> {
  const url = new URL(request.url)
  const local = `${serve.replace(/\/$/, '')}/_domain/${url.hostname}`
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined && !['host', 'content-length', 'connection'].includes(name.toLowerCase()))
      headers[name] = value
  // The domain's own pages post to it: on serve's local form that is serve's own origin, not another site's.
  for (const name of Object.keys(headers))
    if (name.toLowerCase() === 'origin' && headers[name] === url.origin) headers[name] = new URL(local).origin
  const response = await fetch(`${local}${url.pathname}${url.search}`, {
    method: request.method,
    headers,
    redirect: 'manual',
    ...(request.method !== 'GET' && request.method !== 'HEAD' && { body: request.body }),
  })
  const answer: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-encoding' && name !== 'content-length') answer[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length) answer['set-cookie'] = cookies.join('\n')
  return asRealHost({ status: response.status, headers: answer, body: await response.text() }, local, url.origin)
}

/**
 * Routes a Playwright page's (or context's) requests to pools' domains — their real hosts,
 * `https://<prefix>.auth.<region>.amazoncognito.com/…` and the custom `hosts` given — to `serve` (its URL) or to an
 * in-process mock, so an app configured with the real domain (Amplify's `oauth.domain`) signs in through the
 * simulated hosted UI, navigations included: MSW's service worker cannot take a navigation to another origin, a
 * route can. The browser stays on the real host, as it would against Cognito.
 */
export async function routeCognitoDomains(
  page: RoutablePage,
  target: CognitoRouteTarget,
  options: RouteCognitoDomainsOptions = {},
): Promise<void> {
  const custom = new Set((options.hosts ?? []).map((h) => h.toLowerCase()))
  await page.route(
    (url) => url.protocol === 'https:' && (PREFIX_HOST.test(url.hostname) || custom.has(url.hostname)),
    async (route) => {
      const request = route.request()
      const wire: WireRequest = {
        method: request.method(),
        url: request.url(),
        headers: await request.allHeaders(),
        body: request.postData() ?? '',
      }
      const answer = typeof target === 'string' ? await throughServe(target, wire) : await target.handle(wire)
      await route.fulfill({ status: answer.status, headers: { ...answer.headers }, body: answer.body })
    },
  )
}
