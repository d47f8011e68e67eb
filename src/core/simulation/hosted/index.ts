import type { Context } from '../context.js'
import type { Store } from '../schema.js'
import { authorizationQuery, backToApp, checkAuthorization } from './authorize.js'
import { complete } from './complete.js'
import { discoveryDocument } from './discovery.js'
import { federatedResponse, startFederation } from './federation.js'
import { confirm, forgotPassword, loginPage, signUp, submitLogin } from './login.js'
import { logout } from './logout.js'
import { errorPageHtml } from './pages.js'
import {
  CSRF_COOKIE,
  CSRF_FIELD,
  CSRF_SLOT,
  cookies,
  csrfCookie,
  DOMAIN_HEADERS,
  page,
  redirect,
  SESSION_COOKIE,
} from './respond.js'
import { revoke } from './revoke.js'
import { rootRoute } from './root.js'
import { hostedRoute } from './route.js'
import { samlResponse } from './saml.js'
import { STAND_IN_PATH, standInPage } from './social.js'
import { formBody, token } from './token.js'
import { HostedFailure, type HostedRequest, type HostedResponse, type Site } from './types.js'
import { userInfo } from './userinfo.js'

export type { HostedRequest, HostedResponse } from './types.js'

/** The signed-in user of the browser's session cookie, when it is this pool's and still valid. */
function sessionOf(site: Site) {
  const sid = cookies(site.request.headers).get(SESSION_COOKIE)
  const session = sid === undefined ? undefined : site.cx.tables.hostedSessions.get(sid)
  if (!session || session.poolId !== site.pool.pool.Id || site.cx.now() > session.expires) return undefined
  const user = site.cx.tables.users.get(`${session.poolId}/${session.user}`)
  return user?.enabled ? { session, user } : undefined
}

/**
 * GET /oauth2/authorize: straight to an outside provider with `identity_provider` or `idp_identifier`; with a
 * signed-in browser, straight back to the app (`prompt=login` asks again, `prompt=none` fails with
 * `login_required` when no one is signed in); else on to `/login` with the same parameters (AWS's documentation).
 */
async function authorize(site: Site): Promise<HostedResponse> {
  const { query, cx } = site
  const authorization = checkAuthorization(site, query)
  let provider = query.get('identity_provider') ?? undefined
  const identifier = query.get('idp_identifier')
  if (provider === undefined && identifier !== null)
    provider = cx.tables.providers.find('identifier', `${site.pool.pool.Id}/${identifier}`)?.name
  const inFragment = authorization.responseType === 'token'
  if (provider !== undefined && provider !== 'COGNITO') {
    // Chosen: a provider the client does not support goes back to the app as invalid_request.
    if (!(authorization.client.client.SupportedIdentityProviders ?? []).includes(provider))
      throw backToApp(authorization.redirectUri, 'invalid_request', authorization.state, undefined, inFragment)
    return startFederation(site, provider, query)
  }
  if (identifier !== null && provider === undefined)
    throw backToApp(authorization.redirectUri, 'invalid_request', authorization.state, undefined, inFragment)
  const prompt = (query.get('prompt') ?? '').split(' ')
  const signedIn = sessionOf(site)
  if (prompt.includes('none')) {
    if (!signedIn)
      throw backToApp(authorization.redirectUri, 'login_required', authorization.state, undefined, inFragment)
    return complete(site, authorization, signedIn.user, signedIn.session.authTime, signedIn.session.id)
  }
  if (signedIn && !prompt.includes('login') && !prompt.includes('select_account'))
    return complete(site, authorization, signedIn.user, signedIn.session.authTime, signedIn.session.id)
  return redirect(`${site.base}/login?${authorizationQuery(query)}`)
}

/** The paths whose POST comes from one of the domain's own forms, and so must carry its CSRF token. */
const FORM_POSTS: ReadonlySet<string> = new Set([
  '/login',
  '/signup',
  '/confirm',
  '/forgotPassword',
  '/confirmForgotPassword',
])

/**
 * Answers a request on a pool's domain. A form's POST must repeat the `XSRF-TOKEN` cookie in its `_csrf` field, as
 * Cognito's forms do (seen: aws-amplify/amplify-js#6236); one that does not lands on the error page (seen: a stale
 * token sends the browser to it, amplify-js#9710; the status, 400, is chosen).
 */
async function dispatch(site: Site): Promise<HostedResponse> {
  const { request, path } = site
  const method = request.method.toUpperCase()
  const body = formBody(request) ?? new URLSearchParams()
  const route = path.replace(/\/+$/, '') || '/'
  const standIn = route.startsWith(STAND_IN_PATH) ? route.slice(STAND_IN_PATH.length) : undefined
  if (method === 'POST' && (FORM_POSTS.has(route) || standIn !== undefined)) {
    const token = cookies(request.headers).get(CSRF_COOKIE)
    if (token === undefined || token === '' || body.get(CSRF_FIELD) !== token)
      return page(400, errorPageHtml('invalid_request'))
  }
  if (standIn !== undefined) return standInPage(site, standIn, method, body)
  switch (route) {
    case '/oauth2/authorize':
    case '/authorize':
      return authorize(site)
    case '/login':
      return method === 'POST' ? submitLogin(site, body) : loginPage(site, site.query)
    case '/signup':
      return signUp(site, method, body)
    case '/confirm':
      return confirm(site, body)
    case '/forgotPassword':
    case '/confirmForgotPassword':
      return forgotPassword(site, method, path, body)
    case '/oauth2/token':
      return token(site, request)
    case '/oauth2/userInfo':
    case '/oauth2/userinfo':
      return userInfo(site, request)
    case '/oauth2/revoke':
      return revoke(site, request)
    case '/logout':
      return logout(site)
    case '/oauth2/idpresponse':
      return federatedResponse(site)
    case '/saml2/idpresponse':
    case '/saml2/logout':
      // Chosen: only the HTTP-POST binding is answered (what AWS's documentation names for the ACS).
      return method === 'POST' ? samlResponse(site, body) : page(405, errorPageHtml('invalid_request'))
    case '/error':
      return page(400, errorPageHtml(site.query.get('error')))
    default:
      // Chosen: other paths of a domain answer 404 with the error page.
      return page(404, errorPageHtml('not_found'))
  }
}

/** A URL with no path beyond `/`: where the API is called. */
const API_CALL = /^https?:\/\/[^/?#]+\/?(?:[?#]|$)/

/** Finds the pool and partition a hosted request is for, and answers it; undefined for URLs that are not hosted ones. */
export async function answerHosted(
  store: Store,
  context: (region: string, account: string) => Context,
  defaultAccount: string,
  given: HostedRequest,
): Promise<HostedResponse | undefined> {
  // API calls (POST /) are never hosted requests: answered before anything is parsed.
  if (API_CALL.test(given.url) && given.method.toUpperCase() === 'POST') return undefined
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(given.headers)) if (v !== undefined) headers[k.toLowerCase()] = v
  const request: HostedRequest = { ...given, headers }
  let url: URL
  try {
    url = new URL(given.url)
  } catch {
    return undefined
  }
  if (url.pathname === '/' && request.method.toUpperCase() === 'POST') return undefined
  const customHost = (host: string) =>
    [...store.occupied()].some((p) => p.tables.domains.get(host)?.custom !== undefined)
  const route = hostedRoute(url, customHost) ?? rootRoute(store, url, request, formBody(request))
  if (!route) return undefined
  return store
    .exclusive(async (): Promise<HostedResponse> => {
      if (route.kind === 'discovery') {
        for (const p of store.occupied())
          if (p.region === route.region && p.tables.pools.has(route.poolId))
            return discoveryDocument(context(p.region, p.account), route.poolId, route.local)
        return {
          status: 404,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ message: `User pool ${route.poolId} does not exist.` }),
        }
      }
      const partitions = [...store.occupied()].filter((p) => route.region === undefined || p.region === route.region)
      const owner = partitions.find((p) => {
        const row = p.tables.domains.get(route.domain)
        return row !== undefined && (route.region === undefined || !row.custom) && (!route.customHost || row.custom)
      })
      if (!owner) return page(404, errorPageHtml('not_found'))
      const cx = context(owner.region, owner.account ?? defaultAccount)
      const domain = cx.tables.domains.get(route.domain)!
      const pool = cx.tables.pools.get(domain.poolId)!
      return dispatch({ cx, pool, domain, base: route.base, path: route.path, query: url.searchParams, request })
    })
    .catch((error: unknown) => {
      if (error instanceof HostedFailure) return error.response
      throw error
    })
    .then((response) => secured(response, request, url.origin))
}

/**
 * An answer as it leaves a pool's domain: its forms given the browser's CSRF token (a new one, set as a cookie, when
 * the browser has none), and the domain's security headers.
 */
function secured(response: HostedResponse, request: HostedRequest, origin: string): HostedResponse {
  const headers = { ...response.headers, ...DOMAIN_HEADERS }
  if (!response.body.includes(CSRF_SLOT)) return { ...response, headers }
  const held = cookies(request.headers).get(CSRF_COOKIE)
  const token = held !== undefined && /^[0-9a-f-]{36}$/.test(held) ? held : globalThis.crypto.randomUUID()
  if (token !== held) headers['set-cookie'] = csrfCookie(origin, token)
  return { ...response, headers, body: response.body.replaceAll(CSRF_SLOT, token) }
}
