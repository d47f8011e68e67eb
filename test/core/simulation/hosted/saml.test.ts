import { validate } from '@authenio/samlify-node-xmllint'
import {
  AdminGetUserCommand,
  CreateIdentityProviderCommand,
  GetSigningCertificateCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import * as samlify from 'samlify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BrowserlessSession } from '../../../../src/adapters/testing/index.js'
import { type PemPair, selfSignedCertificate } from '../../../../src/core/simulation/resources/saml-x509.js'
import { CALLBACK, type HostedWorld, hostedWorld } from './support.js'

// A real SAML IdP in the test: samlify in its IdP role, signing (and encrypting) assertions for the pool.
samlify.setSchemaValidator({ validate })
const { binding } = samlify.Constants.namespace

let world: HostedWorld
let idpKeys: PemPair
let otherKeys: PemPair
const SSO = 'http://127.0.0.1:9/sso'
const IDP_ENTITY = 'http://www.okta.com/exk123'

function idpFor(keys: PemPair, encrypted: boolean) {
  return samlify.IdentityProvider({
    entityID: IDP_ENTITY,
    privateKey: keys.key,
    signingCert: keys.cert,
    isAssertionEncrypted: encrypted,
    wantAuthnRequestsSigned: false,
    singleSignOnService: [{ Binding: binding.redirect, Location: SSO }],
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

/** The pool's encryption certificate (what DescribeIdentityProvider's ActiveEncryptionCertificate would show). */
function poolEncryptionCert(): string {
  const snapshot = world.server.mock.simulation.snapshot()
  for (const p of snapshot.partitions)
    for (const stored of p.tables['samlKeys'] ?? []) {
      const row = stored.row as { poolId: string; use: string; cert: string }
      if (row.poolId === world.poolId && row.use === 'encryption') return row.cert
    }
  throw new Error('no encryption key yet')
}

/** The pool as the IdP knows it (its SP metadata, as an admin types it into Okta). */
function spFor(encrypted: boolean) {
  return samlify.ServiceProvider({
    entityID: `urn:amazon:cognito:sp:${world.poolId}`,
    assertionConsumerService: [{ Binding: binding.post, Location: `${world.base}/saml2/idpresponse` }],
    ...(encrypted && { encryptCert: poolEncryptionCert() }),
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
        SubjectRecipient: `${world.base}/saml2/idpresponse`,
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
        AuthnStatement: '',
        attrEmail: user.email,
      }
      let text = template
      for (const [k, v] of Object.entries(values)) text = text.replaceAll(`{${k}}`, v)
      if (options.requestId === undefined) text = text.replaceAll(' InResponseTo=""', '')
      return { id, context: text }
    },
  )) as { context: string }
  return context
}

beforeAll(async () => {
  world = await hostedWorld()
  idpKeys = await selfSignedCertificate({ commonName: 'okta', days: 365 })
  otherKeys = await selfSignedCertificate({ commonName: 'mallory', days: 365 })
  const metadata = idpFor(idpKeys, false).getMetadata()
  for (const [name, details] of [
    ['Okta', { MetadataFile: metadata, IDPInit: 'true' }],
    ['OktaEnc', { MetadataFile: metadata, EncryptedResponses: 'true', RequestSigningAlgorithm: 'rsa-sha256' }],
  ] as const)
    await world.sdk.send(
      new CreateIdentityProviderCommand({
        UserPoolId: world.poolId,
        ProviderName: name,
        ProviderType: 'SAML',
        ProviderDetails: details,
        AttributeMapping: { email: 'email' },
      }),
    )
  await world.sdk.send(
    new UpdateUserPoolClientCommand({
      UserPoolId: world.poolId,
      ClientId: world.web.id,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [CALLBACK],
      SupportedIdentityProviders: ['COGNITO', 'Okta', 'OktaEnc'],
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
      signingCert: `-----BEGIN CERTIFICATE-----\n${Certificate}\n-----END CERTIFICATE-----`,
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
})
