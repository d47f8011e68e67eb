import { samlLibrary } from '../resources/saml-library.js'
import type { SamlSessionRow } from '../resources/saml-sessions.js'
import { errorPageHtml } from './pages.js'
import { page, redirect, sessionCookie } from './respond.js'
import { samlEntities, samlProvider } from './saml-entities.js'
import type { HostedResponse, Site } from './types.js'

/** How long the IdP may take to answer a LogoutRequest (chosen: the five minutes a federated sign-in gets). */
const LOGOUT_SECONDS = 300

/** The opaque RelayState of a LogoutRequest (Cognito's own, as for sign-in). */
function relayState(site: Site): string {
  return site.cx.secrets.chars(43, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
}

/**
 * /logout for a browser whose session a SAML assertion opened, when its provider has `IDPSignout`: the browser goes
 * to the SingleLogoutService of the IdP's metadata with a LogoutRequest (redirect binding) naming the assertion's
 * NameID and SessionIndex, signed with the pool's signing certificate; the destination of the sign-out waits for
 * the IdP's LogoutResponse at /saml2/logout. Seen from Cognito (AWS's Developer Guide, "Signing out SAML users with
 * single sign-out"): "Amazon Cognito redirects your SAML user with the following request to the SLO endpoint that's
 * specified in the IdP metadata. https://[SingleLogoutService endpoint]? SAMLRequest=[encoded SAML request]&
 * RelayState=[RelayState]& SigAlg=http://www.w3.org/2001/04/xmldsig-more#rsa-sha256& Signature=[User pool RSA
 * signature]". Undefined when the session is not such a one (the plain sign-out then goes on).
 */
export async function samlSignOut(site: Site, sid: string, target: string): Promise<HostedResponse | undefined> {
  const { cx } = site
  const key = `${site.pool.pool.Id}/${sid}`
  const session = cx.tables.samlSessions.get(key)
  if (!session) return undefined
  const provider = samlProvider(site, session.provider)
  if (provider?.details['IDPSignout'] !== 'true') {
    cx.tables.samlSessions.delete(key)
    return undefined
  }
  const relay = relayState(site)
  let request: { id: string; context: string }
  try {
    const library = await samlLibrary()
    const { sp, idp } = await samlEntities(site, provider, library, session.nameIdFormat)
    request = sp.createLogoutRequest(
      idp,
      'redirect',
      { logoutNameID: session.nameId, sessionIndex: session.sessionIndex ?? '' },
      relay,
    ) as { id: string; context: string }
  } catch {
    // Chosen without evidence: metadata that cannot be read, or that names no redirect-binding SingleLogoutService,
    // signs the browser out of Cognito alone.
    cx.tables.samlSessions.delete(key)
    return undefined
  }
  const logout: SamlSessionRow['logout'] = {
    request: request.id,
    relayState: relay,
    target,
    expires: cx.now() + LOGOUT_SECONDS,
  }
  cx.tables.samlSessions.put({ ...session, logout })
  return redirect(request.context, sessionCookie(site.base, undefined, 0))
}

/** An answer at /saml2/logout that cannot finish a sign-out (its wording is chosen: no capture was found). */
function refused(message: string): HostedResponse {
  return page(400, errorPageHtml(message))
}

/**
 * POST /saml2/logout: the IdP's LogoutResponse (seen from Cognito: "Your IdP must send the LogoutResponse in an HTTP
 * POST request. Amazon Cognito then redirects them to the redirect destination from their initial sign-out
 * request."). Its signature is checked against the certificates of the IdP's metadata (samlify), its issuer is the
 * IdP's, its status Success and its `InResponseTo` the LogoutRequest sent; then the browser goes on to the
 * `logout_uri` or the login page the sign-out asked for. Chosen without evidence: a LogoutRequest from the IdP (IdP-
 * initiated sign-out) and any answer that fails these checks land on the error page, 400.
 */
export async function samlLogoutResponse(site: Site, body: URLSearchParams): Promise<HostedResponse> {
  const { cx } = site
  const saml = body.get('SAMLResponse')
  const relay = body.get('RelayState') ?? ''
  const session = cx.tables.samlSessions.find('relayState', `${site.pool.pool.Id}/${relay}`)
  // Chosen: the ACS's words for an answer it cannot place (seen there: "Invalid samlResponse or relayState from
  // identity provider", gaiin-platform/amplify-genai-backend#25).
  if (!saml || !session?.logout) return refused('Invalid samlResponse or relayState from identity provider')
  const { logout } = session
  cx.tables.samlSessions.delete(`${session.poolId}/${session.session}`)
  if (cx.now() > logout.expires) return refused('The sign-out request has expired')
  const provider = samlProvider(site, session.provider)
  if (!provider) return refused('Invalid samlResponse or relayState from identity provider')
  let inResponseTo: unknown
  try {
    const library = await samlLibrary()
    const { sp, idp } = await samlEntities(site, provider, library)
    const parsed = await sp.parseLogoutResponse(idp, 'post', { body: { SAMLResponse: saml, RelayState: relay } })
    inResponseTo = (parsed.extract as { response?: { inResponseTo?: unknown } }).response?.inResponseTo
  } catch (error) {
    const code = error instanceof Error ? error.message : String(error)
    if (/SIGNATURE|CERTIFICATE/.test(code)) return refused('Invalid SAML logout response: the signature is invalid')
    return refused(`Invalid SAML logout response: ${code}`)
  }
  if (inResponseTo !== logout.request)
    return refused('Invalid SAML logout response: InResponseTo does not match the request')
  return redirect(logout.target)
}
