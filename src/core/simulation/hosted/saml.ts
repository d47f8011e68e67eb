import { sha256Hex } from '../../shared/crypto.js'
import type { ProviderRow } from '../resources/identity-providers.js'
import { isLoopback } from '../resources/oidc-discovery.js'
import { samlKey } from '../resources/saml-keys.js'
import { type SamlLibrary, samlLibrary } from '../resources/saml-library.js'
import type { UserRow } from '../resources/users.js'
import { backToApp, checkAuthorization, errorPage } from './authorize.js'
import { complete } from './complete.js'
import { federatedUser } from './federated-user.js'
import { errorPageHtml } from './pages.js'
import { page, redirect } from './respond.js'
import type { FederationRow } from './state.js'
import { type Authorization, HostedFailure, type HostedResponse, type Site } from './types.js'

/** `RequestSigningAlgorithm`'s one value, as XML-DSig names it. */
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'

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

/** The provider's metadata: `MetadataFile`, or `MetadataURL` read (loopback hosts only: the simulation never leaves). */
async function metadataOf(provider: ProviderRow): Promise<string> {
  const file = provider.details['MetadataFile']
  if (file) return file
  const url = provider.details['MetadataURL'] ?? ''
  if (!isLoopback(url)) throw new Error(`The metadata at ${url} cannot be reached by the simulation (loopback only).`)
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) })
  if (!response.ok) throw new Error(`The metadata at ${url} answered HTTP ${response.status}.`)
  return response.text()
}

/** The pool as a SAML service provider (AWS's documentation: entity id `urn:amazon:cognito:sp:<poolId>`, ACS). */
async function entities(site: Site, provider: ProviderRow, library: SamlLibrary) {
  const poolId = site.pool.pool.Id
  const [signing, encryption, metadata] = await Promise.all([
    samlKey(site.cx, poolId, 'signing'),
    samlKey(site.cx, poolId, 'encryption'),
    metadataOf(provider),
  ])
  const encrypted = provider.details['EncryptedResponses'] === 'true'
  const signed = provider.details['RequestSigningAlgorithm'] === 'rsa-sha256'
  const sp = library.ServiceProvider({
    entityID: `urn:amazon:cognito:sp:${poolId}`,
    assertionConsumerService: [
      { Binding: library.Constants.namespace.binding.post, Location: `${site.base}/saml2/idpresponse` },
    ],
    authnRequestsSigned: signed,
    privateKey: signing.key,
    signingCert: signing.cert,
    encPrivateKey: encryption.key,
    encryptCert: encryption.cert,
    requestSignatureAlgorithm: RSA_SHA256,
    // The simulation's clock decides the time window (below), not the machine's.
    clockDrifts: [-1e15, 1e15],
  })
  const idp = library.IdentityProvider({ metadata, isAssertionEncrypted: encrypted, wantAuthnRequestsSigned: signed })
  // Cognito signs its requests by its own setting, whatever the IdP's metadata says it wants (samlify insists the
  // two agree): both sides are told the pool's choice.
  idp.entityMeta.isWantAuthnRequestsSigned = () => signed
  sp.entityMeta.isAuthnRequestSigned = () => signed
  return { sp, idp }
}

/**
 * SP-initiated sign-in: an AuthnRequest to the IdP's SSO URL from its metadata (redirect binding), signed with the
 * pool's signing certificate when `RequestSigningAlgorithm` is `rsa-sha256`, `RelayState` the sign-in's state. Its
 * ID is kept to match `InResponseTo`.
 */
export async function startSaml(site: Site, provider: ProviderRow, row: FederationRow): Promise<HostedResponse> {
  const library = await samlLibrary()
  const { sp, idp } = await entities(site, provider, library)
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
  try {
    const library = await samlLibrary()
    const { sp, idp } = await entities(site, provider, library)
    let extract: Record<string, unknown>
    let content = ''
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
    checkAssertion(site, library, row, extract, content)
    const nameId = typeof extract['nameID'] === 'string' ? extract['nameID'] : ''
    if (nameId === '') throw new Refused('Invalid SAML response received: the assertion has no NameID.')
    const claims: Record<string, unknown> = { ...(extract['attributes'] as Record<string, unknown>) }
    for (const [k, v] of Object.entries(claims)) if (Array.isArray(v)) claims[k] = v.length === 1 ? v[0] : v.join(',')
    // Chosen: the NameID is the subject whatever `username` maps to (AWS's documentation: users are identified by it).
    user = await federatedUser(
      site,
      { ...provider, mapping: { ...provider.mapping, username: '__nameid' } },
      { ...claims, __nameid: nameId },
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
  return complete(site, authorization, user, Math.floor(cx.now()))
}

/** The checks Cognito enforces beyond the signature (its wording is not captured: the texts are chosen). */
function checkAssertion(
  site: Site,
  library: SamlLibrary,
  row: FederationRow | undefined,
  extract: Record<string, unknown>,
  content: string,
): void {
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
    ])
  const count = (value: unknown) => (Array.isArray(value) ? value.length : value === undefined ? 0 : 1)
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
}
