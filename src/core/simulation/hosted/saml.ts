import { sha256Hex } from '../../shared/crypto.js'
import type { ProviderRow } from '../resources/identity-providers.js'
import { type SamlLibrary, samlLibrary } from '../resources/saml-library.js'
import type { SamlSessionRow } from '../resources/saml-sessions.js'
import type { UserRow } from '../resources/users.js'
import { backToApp, checkAuthorization, errorPage } from './authorize.js'
import { complete } from './complete.js'
import { federatedUser } from './federated-user.js'
import { errorPageHtml } from './pages.js'
import { cookies, page, redirect, SESSION_COOKIE } from './respond.js'
import { samlEntities } from './saml-entities.js'
import { samlLogoutResponse } from './saml-logout.js'
import type { FederationRow } from './state.js'
import { type Authorization, HostedFailure, type HostedResponse, type Site } from './types.js'

/** A SAML failure as it goes back to the app: `error=server_error` (seen from Cognito, aws/aws-sdk-js-v3#6201). */
function samlRefusal(authorization: Authorization, description: string): HostedFailure {
  return backToApp(
    authorization.redirectUri,
    'server_error',
    authorization.state,
    description,
    authorization.responseType === 'token',
  )
}

/**
 * SP-initiated sign-in: an AuthnRequest to the IdP's SSO URL from its metadata (redirect binding), signed with the
 * pool's signing certificate when `RequestSigningAlgorithm` is `rsa-sha256`, `RelayState` the sign-in's state. Its
 * ID is kept to match `InResponseTo`.
 */
export async function startSaml(site: Site, provider: ProviderRow, row: FederationRow): Promise<HostedResponse> {
  const library = await samlLibrary()
  const { sp, idp } = await samlEntities(site, provider, library)
  const request = sp.createLoginRequest(idp, 'redirect', { relayState: row.state })
  site.cx.tables.federations.put({ ...row, nonce: request.id })
  return redirect(request.context)
}

/** Reads the pool's and the app's answer, or a failure: why an assertion is refused, in Cognito's words where seen. */
class Refused extends Error {}

/**
 * POST /saml2/idpresponse, the ACS (HTTP-POST binding). The response's signature is checked against the
 * certificates of the IdP's metadata (samlify: xml-crypto), an encrypted assertion decrypted with the pool's key,
 * then, as Cognito enforces (AWS's 2023 notice, quoted in c6fc/npk#87): the audience is the pool
 * (`urn:amazon:cognito:sp:<poolId>`), the SubjectConfirmationData recipient is this ACS, `InResponseTo` matches the
 * AuthnRequest sent (IdP-initiated responses have none, and need `IDPInit`), the time window holds on the
 * simulation's clock, and the assertion was not used before. The NameID names the user (`<Provider>_<NameID>`,
 * case-sensitive); attributes are mapped by their SAML names.
 */
export async function samlResponse(site: Site, body: URLSearchParams): Promise<HostedResponse> {
  if (site.path.replace(/\/+$/, '') === '/saml2/logout') return samlLogoutResponse(site, body)
  const { cx } = site
  const saml = body.get('SAMLResponse')
  const relayState = body.get('RelayState') ?? ''
  const row = cx.tables.federations.get(relayState)
  let query: URLSearchParams
  let providerName: string | undefined
  if (row && row.poolId === site.pool.pool.Id) {
    query = new URLSearchParams(row.authorize)
    providerName = row.provider
  } else {
    // IdP-initiated: RelayState carries the authorize parameters (AWS's documentation).
    query = new URLSearchParams(relayState)
    const identifier = query.get('idp_identifier')
    providerName =
      query.get('identity_provider') ??
      (identifier === null
        ? undefined
        : cx.tables.providers.find('identifier', `${site.pool.pool.Id}/${identifier}`)?.name)
  }
  const provider =
    providerName === undefined ? undefined : cx.tables.providers.get(`${site.pool.pool.Id}/${providerName}`)
  // Seen from Cognito: "Invalid samlResponse or relayState from identity provider" (gaiin-platform/amplify-genai-backend#25).
  if (!saml || !provider || provider.type !== 'SAML' || (!row && provider.details['IDPInit'] !== 'true'))
    return page(400, errorPageHtml('Invalid samlResponse or relayState from identity provider'))
  if (row) {
    if (cx.now() > row.expires) throw errorPage(site, 'invalid_request')
    cx.tables.federations.delete(row.state)
  }
  const authorization = checkAuthorization(site, query)
  if (!(authorization.client.client.SupportedIdentityProviders ?? []).includes(provider.name))
    throw backToApp(authorization.redirectUri, 'invalid_request', authorization.state)
  let user: UserRow
  let opened: Omit<SamlSessionRow, 'poolId' | 'session' | 'user'>
  try {
    const library = await samlLibrary()
    const { sp, idp } = await samlEntities(site, provider, library)
    let extract: Record<string, unknown>
    let content = ''
    // Chosen without evidence (as below): more than one assertion is refused before the library reads any of them.
    if (manyAssertions(library, saml))
      throw new Refused('Invalid SAML response received: The response holds more than one assertion.')
    try {
      const parsed = await sp.parseLoginResponse(idp, 'post', { body: { SAMLResponse: saml, RelayState: relayState } })
      extract = parsed.extract as Record<string, unknown>
      content = parsed.samlContent
    } catch (error) {
      const code = error instanceof Error ? error.message : String(error)
      // Seen from Cognito: "Invalid SAML response received: SAML Assertion signature is invalid. ".
      if (/SIGNATURE|CERTIFICATE/.test(code))
        throw new Refused('Invalid SAML response received: SAML Assertion signature is invalid. ')
      // Chosen without evidence: other failures of the library keep its code after Cognito's prefix.
      throw new Refused(`Invalid SAML response received: ${code}`)
    }
    const { nameIdFormat } = checkAssertion(site, library, row, extract, content)
    const nameId = typeof extract['nameID'] === 'string' ? extract['nameID'] : ''
    if (nameId === '') throw new Refused('Invalid SAML response received: the assertion has no NameID.')
    // Attributes are keyed by their `Name` (samlify's extractor), as the mapping names them: AWS's Developer Guide
    // shows SAML attribute names "such as `email`" or "URL-formatted attribute names similar to
    // http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" (Entra ID's Names). Chosen without evidence:
    // `FriendlyName` is not matched (SAML core: it "MUST NOT be used as a basis for formally identifying SAML
    // attributes"). A map without a prototype, so a mapping to `constructor` or `__proto__` finds no attribute.
    const claims: Record<string, unknown> = Object.create(null)
    for (const [k, v] of Object.entries((extract['attributes'] ?? {}) as Record<string, unknown>))
      claims[k] = Array.isArray(v) ? (v.length === 1 ? v[0] : v.join(',')) : v
    claims['__nameid'] = nameId
    const session = (extract['sessionIndex'] ?? {}) as Record<string, unknown>
    opened = {
      provider: provider.name,
      nameId,
      ...(nameIdFormat !== undefined && { nameIdFormat }),
      ...(typeof session['sessionIndex'] === 'string' && { sessionIndex: session['sessionIndex'] }),
    }
    // Chosen: the NameID is the subject whatever `username` maps to (AWS's documentation: users are identified by it).
    user = await federatedUser(
      site,
      { ...provider, mapping: { ...provider.mapping, username: '__nameid' } },
      claims,
      authorization.client.client.ClientId,
      typeof extract['issuer'] === 'string' ? extract['issuer'] : null,
    )
  } catch (failure) {
    if (failure instanceof HostedFailure) throw failure
    const message = (failure as Error).message
    // Seen from Cognito: "Error in SAML response processing: Invalid user attributes: …" for a mapping it cannot apply.
    throw samlRefusal(
      authorization,
      failure instanceof Refused ? message : `Error in SAML response processing: ${message}`,
    )
  }
  const done = await complete(site, authorization, user, Math.floor(cx.now()))
  // The session the assertion opened is remembered for the sign-out a LogoutRequest names (IDPSignout).
  const sid = cookies({ cookie: done.headers['set-cookie'] }).get(SESSION_COOKIE)
  if (sid) cx.tables.samlSessions.insert({ poolId: site.pool.pool.Id, session: sid, user: user.key, ...opened })
  return done
}

/** How many nodes an extractor's answer holds (one node comes back alone, several as a list). */
const count = (value: unknown) => (Array.isArray(value) ? value.length : value === undefined || value === null ? 0 : 1)

/** Whether a posted response (base64) holds more than one assertion, plain or encrypted. */
function manyAssertions(library: SamlLibrary, saml: string): boolean {
  try {
    const xml = new TextDecoder().decode(Uint8Array.from(atob(saml.replace(/\s+/g, '')), (c) => c.charCodeAt(0)))
    const found = library.Extractor.extract(xml, [
      { key: 'plain', localPath: ['Response', 'Assertion'], attributes: ['ID', 'IssueInstant'] },
      { key: 'encrypted', localPath: ['Response', 'EncryptedAssertion'], attributes: [], context: true },
    ])
    return count(found['plain']) + count(found['encrypted']) > 1
  } catch {
    // Not base64 or not XML: the library refuses it.
    return false
  }
}

/** The checks Cognito enforces beyond the signature (its wording is not captured: the texts are chosen). */
function checkAssertion(
  site: Site,
  library: SamlLibrary,
  row: FederationRow | undefined,
  extract: Record<string, unknown>,
  content: string,
): { nameIdFormat?: string | undefined } {
  const { cx } = site
  const poolId = site.pool.pool.Id
  const audience = extract['audience']
  const audiences = Array.isArray(audience) ? audience : [audience]
  if (!audiences.includes(`urn:amazon:cognito:sp:${poolId}`))
    throw new Refused(`Invalid SAML response received: Audience is invalid. Expected urn:amazon:cognito:sp:${poolId}`)
  const response = (extract['response'] ?? {}) as Record<string, string | undefined>
  const inResponseTo = response['inResponseTo']
  if (row ? inResponseTo !== row.nonce : inResponseTo !== undefined)
    throw new Refused('Invalid SAML response received: InResponseTo does not match the request.')
  const acs = `${site.base}/saml2/idpresponse`
  // The response's assertion and its subject confirmations, read by samlify's XPath extractor (two attributes each,
  // so several nodes come back as a list), under the Response or, once decrypted, as the document itself. Chosen
  // without evidence: a response with more than one assertion is refused, so none beside the signed one speaks for it.
  const read = (root: string[]) =>
    library.Extractor.extract(content, [
      { key: 'assertions', localPath: [...root, 'Assertion'], attributes: ['ID', 'IssueInstant'] },
      {
        key: 'confirmations',
        localPath: [...root, 'Assertion', 'Subject', 'SubjectConfirmation', 'SubjectConfirmationData'],
        attributes: ['Recipient', 'NotOnOrAfter'],
      },
      { key: 'nameIdFormat', localPath: [...root, 'Assertion', 'Subject', 'NameID'], attributes: ['Format'] },
    ])
  let found = read(['Response'])
  if (count(found['assertions']) === 0) found = read([])
  if (count(found['assertions']) > 1)
    throw new Refused('Invalid SAML response received: The response holds more than one assertion.')
  const recipients = [found['confirmations'] ?? []]
    .flat()
    .map((c) => (c as Record<string, string | undefined>)['recipient'])
    .filter((r): r is string => r !== undefined)
  if (recipients.length > 0 && !recipients.includes(acs))
    throw new Refused(`Invalid SAML response received: Recipient is invalid. Expected ${acs}`)
  const now = cx.now() * 1000
  const conditions = (extract['conditions'] ?? {}) as Record<string, string | undefined>
  const notBefore = conditions['notBefore'] ? Date.parse(conditions['notBefore']) : undefined
  const notOnOrAfter = conditions['notOnOrAfter'] ? Date.parse(conditions['notOnOrAfter']) : undefined
  // Chosen: a minute of clock skew either way (Cognito's allowance is not documented).
  if (
    (notBefore !== undefined && now + 60_000 < notBefore) ||
    (notOnOrAfter !== undefined && now - 60_000 >= notOnOrAfter)
  )
    throw new Refused('Invalid SAML response received: The assertion is not within its validity period.')
  // A replay is the same signed assertion again: its key is a digest of what samlify read from the verified
  // assertion (issuer, subject, conditions, session, attributes), not of anything outside the signature.
  const id = sha256Hex(JSON.stringify(extract))
  const key = `${poolId}/${id}`
  if (cx.tables.samlAssertions.has(key))
    throw new Refused('Invalid SAML response received: The assertion was already used.')
  cx.tables.samlAssertions.insert({
    poolId,
    id,
    expires: Math.ceil((notOnOrAfter ?? now + 300_000) / 1000) + 60,
  })
  const format = found['nameIdFormat']
  return typeof format === 'string' ? { nameIdFormat: format } : {}
}
