import { validate } from '@authenio/samlify-node-xmllint'
import {
  AdminGetUserCommand,
  CreateIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  GetSigningCertificateCommand,
  UpdateIdentityProviderCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import * as samlify from 'samlify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BrowserlessSession } from '../../../../src/adapters/testing/index.js'
import { type PemPair, selfSignedCertificate } from '../../../../src/core/simulation/resources/saml-x509.js'
import { CALLBACK, type HostedWorld, hostedWorld, SIGNED_OUT } from './support.js'

// A real SAML IdP in the test: samlify in its IdP role, signing (and encrypting) assertions for the pool.
samlify.setSchemaValidator({ validate })
const { binding } = samlify.Constants.namespace

let world: HostedWorld
let idpKeys: PemPair
let otherKeys: PemPair
/** The pool's encryption certificate, as DescribeIdentityProvider shows it (ActiveEncryptionCertificate). */
let encryptionCert: string
const SSO = 'http://127.0.0.1:9/sso'
const SLO = 'http://127.0.0.1:9/slo'
const IDP_ENTITY = 'http://www.okta.com/exk123'
const GIVEN_NAME = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname'

/** A certificate's bare base64 DER as PEM. */
const pemOf = (bare: string) => `-----BEGIN CERTIFICATE-----\n${bare}\n-----END CERTIFICATE-----`

function idpFor(keys: PemPair, encrypted: boolean, singleLogout = false) {
  return samlify.IdentityProvider({
    entityID: IDP_ENTITY,
    privateKey: keys.key,
    signingCert: keys.cert,
    isAssertionEncrypted: encrypted,
    wantAuthnRequestsSigned: false,
    wantLogoutRequestSigned: singleLogout,
    singleSignOnService: [{ Binding: binding.redirect, Location: SSO }],
    ...(singleLogout && { singleLogoutService: [{ Binding: binding.redirect, Location: SLO }] }),
    loginResponseTemplate: {
      context: samlify.SamlLib.defaultLoginResponseTemplate.context,
      attributes: [
        {
          name: 'email',
          valueTag: 'email',
          nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
          valueXsiType: 'xs:string',
        },
      ],
    },
  })
}

/**
 * The pool as the IdP knows it (its SP metadata, as an admin types it into Okta): its ACS, its sign-out endpoint, its
 * encryption certificate as DescribeIdentityProvider shows it, and (to read LogoutRequests) its signing certificate.
 */
function spFor(encrypted: boolean, signingCert?: string) {
  return samlify.ServiceProvider({
    entityID: `urn:amazon:cognito:sp:${world.poolId}`,
    assertionConsumerService: [{ Binding: binding.post, Location: `${world.base}/saml2/idpresponse` }],
    singleLogoutService: [{ Binding: binding.post, Location: `${world.base}/saml2/logout` }],
    wantLogoutResponseSigned: true,
    ...(encrypted && { encryptCert: encryptionCert }),
    ...(signingCert !== undefined && { signingCert }),
    isAssertionEncrypted: encrypted,
  })
}

/** A signed SAMLResponse for `nameId`, answering `requestId` (or unsolicited), with template tweaks. */
async function assertion(
  options: {
    nameId?: string
    requestId?: string | undefined
    keys?: PemPair
    encrypted?: boolean
    audience?: string
    notOnOrAfter?: Date
    recipient?: string
    sessionIndex?: string
    /** Changes the XML before the IdP signs it. */
    mutate?: (xml: string) => string
  } = {},
): Promise<string> {
  const encrypted = options.encrypted ?? false
  const idp = idpFor(options.keys ?? idpKeys, encrypted)
  const sp = spFor(encrypted)
  const user = { email: `${options.nameId ?? 'alice@corp.example'}` }
  const { context } = (await idp.createLoginResponse(
    sp,
    { extract: { request: { id: options.requestId ?? '' } } },
    'post',
    user,
    (template: string) => {
      const now = new Date()
      const end = options.notOnOrAfter ?? new Date(now.getTime() + 300_000)
      const id = `_${crypto.randomUUID()}`
      const values: Record<string, string> = {
        ID: id,
        AssertionID: `_${crypto.randomUUID()}`,
        Destination: `${world.base}/saml2/idpresponse`,
        Audience: options.audience ?? `urn:amazon:cognito:sp:${world.poolId}`,
        EntityID: `urn:amazon:cognito:sp:${world.poolId}`,
        SubjectRecipient: options.recipient ?? `${world.base}/saml2/idpresponse`,
        Issuer: IDP_ENTITY,
        IssueInstant: now.toISOString(),
        AssertionConsumerServiceURL: `${world.base}/saml2/idpresponse`,
        StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
        ConditionsNotBefore: new Date(now.getTime() - 60_000).toISOString(),
        ConditionsNotOnOrAfter: end.toISOString(),
        SubjectConfirmationDataNotOnOrAfter: end.toISOString(),
        NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        NameID: options.nameId ?? 'alice@corp.example',
        InResponseTo: options.requestId ?? '',
        AuthnStatement:
          options.sessionIndex === undefined
            ? ''
            : `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="${options.sessionIndex}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
        attrEmail: user.email,
      }
      let text = template
      for (const [k, v] of Object.entries(values)) text = text.replaceAll(`{${k}}`, v)
      if (options.requestId === undefined) text = text.replaceAll(' InResponseTo=""', '')
      return { id, context: options.mutate ? options.mutate(text) : text }
    },
  )) as { context: string }
  return context
}

beforeAll(async () => {
  world = await hostedWorld()
  idpKeys = await selfSignedCertificate({ commonName: 'okta', days: 365 })
  otherKeys = await selfSignedCertificate({ commonName: 'mallory', days: 365 })
  const metadata = idpFor(idpKeys, false).getMetadata()
  const withLogout = idpFor(idpKeys, false, true).getMetadata()
  for (const [name, details, mapping] of [
    ['Okta', { MetadataFile: metadata, IDPInit: 'true' }, {}],
    ['OktaEnc', { MetadataFile: metadata, EncryptedResponses: 'true', RequestSigningAlgorithm: 'rsa-sha256' }, {}],
    [
      'OktaUri',
      { MetadataFile: metadata, IDPInit: 'true' },
      { given_name: GIVEN_NAME, family_name: 'sn', nickname: 'constructor' },
    ],
    ['OktaSlo', { MetadataFile: withLogout, IDPSignout: 'true' }, {}],
  ] as const)
    await world.sdk.send(
      new CreateIdentityProviderCommand({
        UserPoolId: world.poolId,
        ProviderName: name,
        ProviderType: 'SAML',
        ProviderDetails: details,
        AttributeMapping: { email: 'email', ...mapping },
      }),
    )
  const described = await world.sdk.send(
    new DescribeIdentityProviderCommand({ UserPoolId: world.poolId, ProviderName: 'OktaEnc' }),
  )
  encryptionCert = pemOf(described.IdentityProvider!.ProviderDetails!['ActiveEncryptionCertificate']!)
  await world.sdk.send(
    new UpdateUserPoolClientCommand({
      UserPoolId: world.poolId,
      ClientId: world.web.id,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [CALLBACK],
      LogoutURLs: [SIGNED_OUT],
      SupportedIdentityProviders: ['COGNITO', 'Okta', 'OktaEnc', 'OktaUri', 'OktaSlo'],
    }),
  )
  // The first SAML sign-in loads samlify and makes the pool's two keys: done here, outside the tests' SDK calls.
  await fetch(authorizeUrl('Okta'), { redirect: 'manual' })
}, 60_000)
afterAll(async () => {
  await world.server.close()
})

function authorizeUrl(provider: string, state = 'app-state'): string {
  const q = new URLSearchParams({
    client_id: world.web.id,
    redirect_uri: CALLBACK,
    response_type: 'code',
    scope: 'openid email',
    identity_provider: provider,
    state,
  })
  return `${world.base}/oauth2/authorize?${q}`
}

/** SP-initiated: the AuthnRequest Cognito sends, read by samlify's IdP. */
async function authnRequest(provider: string) {
  const browser = new BrowserlessSession()
  const sent = await browser.request(authorizeUrl(provider))
  const location = new URL(sent.headers.get('location')!)
  expect(`${location.origin}${location.pathname}`).toBe(SSO)
  const parsed = await idpFor(idpKeys, false).parseLoginRequest(spFor(false), 'redirect', {
    query: Object.fromEntries(location.searchParams),
    octetString: location.search.slice(1).replace(/&Signature=[^&]*/, ''),
  })
  return { browser, parsed, relayState: location.searchParams.get('RelayState')!, location }
}

async function post(browser: BrowserlessSession, SAMLResponse: string, RelayState: string) {
  const response = await browser.request(`${world.base}/saml2/idpresponse`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ SAMLResponse, RelayState }),
  })
  return response
}

describe('SAML 2.0 federation (samlify as the IdP)', () => {
  it('SP-initiated: an AuthnRequest for the pool, a signed assertion back, the user Okta_<NameID>', async () => {
    const { browser, parsed, relayState } = await authnRequest('Okta')
    const request = parsed.extract as { request: { id: string; assertionConsumerServiceUrl: string }; issuer: string }
    expect(request.issuer).toBe(`urn:amazon:cognito:sp:${world.poolId}`)
    expect(request.request.assertionConsumerServiceUrl).toBe(`${world.base}/saml2/idpresponse`)
    const back = await post(browser, await assertion({ requestId: request.request.id }), relayState)
    expect(back.headers.get('location')).toMatch(new RegExp(`^${CALLBACK}\\?code=.+&state=app-state$`))
    const user = await world.sdk.send(
      new AdminGetUserCommand({ UserPoolId: world.poolId, Username: 'Okta_alice@corp.example' }),
    )
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER')
    expect(user.UserAttributes).toContainEqual({ Name: 'email', Value: 'alice@corp.example' })
    const identities = JSON.parse(user.UserAttributes!.find((a) => a.Name === 'identities')!.Value!)
    expect(identities).toEqual([
      expect.objectContaining({ userId: 'alice@corp.example', providerType: 'SAML', issuer: IDP_ENTITY }),
    ])
  })

  it('signs AuthnRequests with the certificate GetSigningCertificate returns, and reads encrypted assertions', async () => {
    const { Certificate } = await world.sdk.send(new GetSigningCertificateCommand({ UserPoolId: world.poolId }))
    const browser = new BrowserlessSession()
    const sent = await browser.request(authorizeUrl('OktaEnc'))
    const location = new URL(sent.headers.get('location')!)
    expect(location.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')
    const verifier = samlify.ServiceProvider({
      entityID: `urn:amazon:cognito:sp:${world.poolId}`,
      signingCert: pemOf(Certificate!),
      authnRequestsSigned: true,
      assertionConsumerService: [{ Binding: binding.post, Location: `${world.base}/saml2/idpresponse` }],
    })
    const signedIdp = samlify.IdentityProvider({
      ...idpFor(idpKeys, true).entitySetting,
      metadata: idpFor(idpKeys, true).getMetadata(),
      wantAuthnRequestsSigned: true,
    })
    const octet = location.search.slice(1).split('&Signature=')[0]!
    const parsed = await signedIdp.parseLoginRequest(verifier, 'redirect', {
      query: Object.fromEntries(location.searchParams),
      octetString: octet,
    })
    const id = (parsed.extract as { request: { id: string } }).request.id
    const back = await post(
      browser,
      await assertion({ requestId: id, encrypted: true, nameId: 'bob@corp.example' }),
      location.searchParams.get('RelayState')!,
    )
    expect(back.headers.get('location')).toMatch(new RegExp(`^${CALLBACK}\\?code=`))
  })

  it('IdP-initiated (IDPInit): RelayState carries the authorize parameters', async () => {
    const relay = new URLSearchParams({
      client_id: world.web.id,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid email',
      identity_provider: 'Okta',
    }).toString()
    const browser = new BrowserlessSession()
    const saml = await assertion({ nameId: 'carol@corp.example' })
    const back = await post(browser, saml, relay)
    expect(back.headers.get('location')).toMatch(new RegExp(`^${CALLBACK}\\?code=`))
    // Replayed: refused as Cognito refuses assertions used before.
    const again = await post(browser, saml, relay)
    expect(again.headers.get('location')).toBe(
      `${CALLBACK}?error_description=Invalid+SAML+response+received%3A+The+assertion+was+already+used.&error=server_error`,
    )
  })

  it("refuses an unsolicited response for a provider without IDPInit with Cognito's message", async () => {
    const relay = new URLSearchParams({
      client_id: world.web.id,
      redirect_uri: CALLBACK,
      response_type: 'code',
      identity_provider: 'OktaEnc',
    }).toString()
    const response = await post(new BrowserlessSession(), await assertion({ encrypted: true }), relay)
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Invalid samlResponse or relayState from identity provider')
  })

  it.each<[string, () => Parameters<typeof assertion>[0], () => string]>([
    [
      'a bad signature',
      () => ({ keys: otherKeys }),
      () => 'Invalid SAML response received: SAML Assertion signature is invalid. ',
    ],
    [
      'a wrong audience',
      () => ({ audience: 'urn:amazon:cognito:sp:eu-west-1_other' }),
      () => `Invalid SAML response received: Audience is invalid. Expected urn:amazon:cognito:sp:${world.poolId}`,
    ],
    [
      'a wrong Recipient',
      () => ({ recipient: 'https://elsewhere.example/saml2/idpresponse' }),
      () => `Invalid SAML response received: Recipient is invalid. Expected ${world.base}/saml2/idpresponse`,
    ],
    [
      'two assertions',
      () => ({
        mutate: (xml: string) =>
          xml.replace(
            /<saml:Assertion [\s\S]*<\/saml:Assertion>/,
            (one) => one + one.replace(/ ID="[^"]+"/, ' ID="_second"'),
          ),
      }),
      () => 'Invalid SAML response received: The response holds more than one assertion.',
    ],
    [
      'an expired assertion',
      () => ({ notOnOrAfter: new Date(Date.now() - 3_600_000) }),
      () => 'Invalid SAML response received: The assertion is not within its validity period.',
    ],
  ])('sends %s back to the app as server_error', async (_case, options, description) => {
    const { browser, parsed, relayState } = await authnRequest('Okta')
    const id = (parsed.extract as { request: { id: string } }).request.id
    const back = await post(browser, await assertion({ requestId: id, ...options() }), relayState)
    expect(back.headers.get('location')).toBe(
      `${CALLBACK}?${new URLSearchParams({ error_description: description(), state: 'app-state', error: 'server_error' })}`,
    )
  })

  it('maps SAML attributes by their Name, not their FriendlyName', async () => {
    const relay = new URLSearchParams({
      client_id: world.web.id,
      redirect_uri: CALLBACK,
      response_type: 'code',
      identity_provider: 'OktaUri',
    }).toString()
    const attribute = (name: string, friendly: string, value: string) =>
      `<saml:Attribute Name="${name}" FriendlyName="${friendly}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue xsi:type="xs:string">${value}</saml:AttributeValue></saml:Attribute>`
    const saml = await assertion({
      nameId: 'dana@corp.example',
      mutate: (xml) =>
        xml.replace(
          '</saml:AttributeStatement>',
          `${attribute(GIVEN_NAME, 'givenName', 'Dana')}${attribute('urn:oid:2.5.4.4', 'sn', 'Smith')}</saml:AttributeStatement>`,
        ),
    })
    const back = await post(new BrowserlessSession(), saml, relay)
    expect(back.headers.get('location')).toMatch(new RegExp(`^${CALLBACK}\\?code=`))
    const user = await world.sdk.send(
      new AdminGetUserCommand({ UserPoolId: world.poolId, Username: 'OktaUri_dana@corp.example' }),
    )
    const names = Object.fromEntries(user.UserAttributes!.map((a) => [a.Name, a.Value]))
    expect(names['given_name']).toBe('Dana')
    // `sn` is only the FriendlyName, and `constructor` no attribute at all: neither maps.
    expect(names['family_name']).toBeUndefined()
    expect(names['nickname']).toBeUndefined()
  })
})

describe('the pool encryption certificate (ActiveEncryptionCertificate)', () => {
  it('is what encrypted assertions are decrypted with, and shows on every SAML provider', async () => {
    const shown = async (name: string) =>
      (await world.sdk.send(new DescribeIdentityProviderCommand({ UserPoolId: world.poolId, ProviderName: name })))
        .IdentityProvider!.ProviderDetails!['ActiveEncryptionCertificate']
    // The encrypted sign-in above encrypted to this certificate (spFor), and the ACS read it.
    expect(pemOf((await shown('OktaEnc'))!)).toBe(encryptionCert)
    expect(await shown('Okta')).toBe(await shown('OktaEnc'))
    expect(await shown('OktaEnc')).toMatch(/^MII[A-Za-z0-9+/]+={0,2}$/)
  })

  it('is refused in an update, as Cognito refuses it', async () => {
    const update = world.sdk.send(
      new UpdateIdentityProviderCommand({
        UserPoolId: world.poolId,
        ProviderName: 'OktaEnc',
        ProviderDetails: { MetadataFile: idpFor(idpKeys, false).getMetadata(), ActiveEncryptionCertificate: 'MIIC' },
      }),
    )
    await expect(update).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'ActiveEncryptionCertificate is not a valid key for SAML identity provider details.',
    })
  })
})

describe('SAML sign-out (IDPSignout)', () => {
  /** A browser signed in through OktaSlo (SP-initiated), its assertion's SessionIndex `_session-1`. */
  async function signedIn(nameId: string) {
    const { browser, parsed, relayState } = await authnRequest('OktaSlo')
    const id = (parsed.extract as { request: { id: string } }).request.id
    const back = await post(browser, await assertion({ requestId: id, nameId, sessionIndex: '_session-1' }), relayState)
    expect(back.headers.get('location')).toMatch(new RegExp(`^${CALLBACK}\\?code=`))
    return browser
  }

  /** /logout, and the LogoutRequest it sends to the IdP's SingleLogoutService, read (and verified) by the IdP. */
  async function logoutRequest(browser: BrowserlessSession) {
    const q = new URLSearchParams({ client_id: world.web.id, logout_uri: SIGNED_OUT })
    const sent = await browser.request(`${world.base}/logout?${q}`)
    const location = new URL(sent.headers.get('location')!)
    const { Certificate } = await world.sdk.send(new GetSigningCertificateCommand({ UserPoolId: world.poolId }))
    const sp = spFor(false, pemOf(Certificate!))
    const idp = idpFor(idpKeys, false, true)
    const parsed = await idp.parseLogoutRequest(sp, 'redirect', {
      query: Object.fromEntries(location.searchParams),
      octetString: location.search.slice(1).split('&Signature=')[0]!,
    })
    return { location, parsed, sp, relayState: location.searchParams.get('RelayState')! }
  }

  it('sends a signed LogoutRequest to the SLO endpoint, then finishes at logout_uri on the LogoutResponse', async () => {
    const browser = await signedIn('erin@corp.example')
    const { location, parsed, sp, relayState } = await logoutRequest(browser)
    expect(`${location.origin}${location.pathname}`).toBe(SLO)
    expect(location.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')
    expect(parsed.extract).toMatchObject({
      issuer: `urn:amazon:cognito:sp:${world.poolId}`,
      nameID: 'erin@corp.example',
      sessionIndex: '_session-1',
    })
    const answer = idpFor(idpKeys, false, true).createLogoutResponse(
      sp,
      { extract: parsed.extract },
      'post',
      relayState,
    ) as {
      context: string
      entityEndpoint: string
    }
    expect(answer.entityEndpoint).toBe(`${world.base}/saml2/logout`)
    const done = await post2(browser, answer.entityEndpoint, answer.context, relayState)
    expect(done.status).toBe(302)
    expect(done.headers.get('location')).toBe(SIGNED_OUT)
    // The browser's session is gone: a silent sign-in asks for a login.
    const again = await browser.request(`${authorizeUrl('COGNITO')}&prompt=none`)
    expect(again.headers.get('location')).toBe(`${CALLBACK}?state=app-state&error=login_required`)
  })

  it('refuses a LogoutResponse the IdP did not sign', async () => {
    const browser = await signedIn('frank@corp.example')
    const { parsed, sp, relayState } = await logoutRequest(browser)
    const forged = idpFor(otherKeys, false, true).createLogoutResponse(
      sp,
      { extract: parsed.extract },
      'post',
      relayState,
    ) as {
      context: string
    }
    const done = await post2(browser, `${world.base}/saml2/logout`, forged.context, relayState)
    expect(done.status).toBe(400)
    expect(await done.text()).toContain('<p id="error">Invalid SAML logout response: the signature is invalid</p>')
  })

  it('signs out of Cognito alone when the provider has no IDPSignout', async () => {
    const { browser, parsed, relayState } = await authnRequest('Okta')
    const id = (parsed.extract as { request: { id: string } }).request.id
    await post(browser, await assertion({ requestId: id, nameId: 'gina@corp.example' }), relayState)
    const q = new URLSearchParams({ client_id: world.web.id, logout_uri: SIGNED_OUT })
    const sent = await browser.request(`${world.base}/logout?${q}`)
    expect(sent.headers.get('location')).toBe(SIGNED_OUT)
  })
})

/** A LogoutResponse POSTed to the pool's /saml2/logout, as the IdP's page posts it. */
async function post2(browser: BrowserlessSession, url: string, SAMLResponse: string, RelayState: string) {
  return browser.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ SAMLResponse, RelayState }),
  })
}
