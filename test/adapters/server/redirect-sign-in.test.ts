// Amplify v6 signInWithRedirect in Chromium, the two ways the README gives: against `serve --https` named as the
// oauth.domain itself, and against a pool's real domain host routed by the shipped Playwright helper (to `serve`,
// or to an in-process mock). Social sign-in (Google, Facebook, Sign in with Apple, Login with Amazon) goes through the
// stand-in page.
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { Agent } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { validate } from '@authenio/samlify-node-xmllint'
import {
  AdminCreateUserCommand,
  AdminLinkProviderForUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  GetSigningCertificateCommand,
  type IdentityProviderTypeType,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { build } from 'esbuild'
import { type Browser, chromium, type Page } from 'playwright-core'
import * as samlify from 'samlify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cognitoRequestHandler } from '../../../src/adapters/sdk/index.js'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'
import { routeCognitoDomains } from '../../../src/adapters/testing/index.js'
import { selfSignedCertificate } from '../../../src/core/simulation/resources/saml-x509.js'
import '../msw/browser/redirect-page-types.js'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium && process.env['REQUIRE_BROWSER'] === '1')
  throw new Error(`REQUIRE_BROWSER is set but ${CHROMIUM} is missing`)
const DOMAIN = 'myapp.auth.eu-west-1.amazoncognito.com'
samlify.setSchemaValidator({ validate })
/** The social providers, by ProviderType (= ProviderName here), with the details and subject claim each takes. */
const SOCIAL = {
  Google: {
    details: {
      client_id: 'g.apps.googleusercontent.com',
      client_secret: 'g',
      authorize_scopes: 'email profile openid',
    },
    subject: 'sub',
  },
  Facebook: {
    details: { client_id: '1234', client_secret: 'fb-secret', authorize_scopes: 'public_profile, email' },
    subject: 'id',
  },
  LoginWithAmazon: {
    details: {
      client_id: 'amzn1.application-oa2-client.1',
      client_secret: 'amzn-secret',
      authorize_scopes: 'profile postal_code',
    },
    subject: 'user_id',
  },
  SignInWithApple: {
    details: {
      client_id: 'com.example.web',
      team_id: 'TEAM123456',
      key_id: 'KEY1234567',
      private_key: '-----BEGIN PRIVATE KEY-----\nMIG\n-----END PRIVATE KEY-----',
      authorize_scopes: 'email name',
    },
    subject: 'sub',
  },
} as const

let app: Server
let origin = ''
let browser: Browser

/** A pool with domain `myapp`, the social providers, an SPA client calling back to the page, and jane; via `sdk`. */
async function world(sdk: CognitoIdentityProviderClient): Promise<{ pool: string; client: string }> {
  const pool = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'redirects' }))).UserPool!.Id!
  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: pool, Domain: 'myapp' }))
  for (const [name, { details, subject }] of Object.entries(SOCIAL))
    await sdk.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool,
        ProviderName: name,
        ProviderType: name as IdentityProviderTypeType,
        ProviderDetails: details,
        AttributeMapping: { email: 'email', name: 'name', username: subject },
      }),
    )
  const client = (
    await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool,
        ClientName: 'spa',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        CallbackURLs: [`${origin}/redirect.html`],
        LogoutURLs: [`${origin}/redirect.html`],
        SupportedIdentityProviders: ['COGNITO', ...Object.keys(SOCIAL)],
      }),
    )
  ).UserPoolClient!.ClientId!
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: pool,
      Username: 'jane',
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
    }),
  )
  await sdk.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: pool,
      Username: 'jane',
      Password: 'Correct-Horse-1',
      Permanent: true,
    }),
  )
  return { pool, client }
}

function sdkFor(server: RunningCognitoServer): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint: server.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    ...(server.certificate && {
      requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({ ca: server.certificate }) }),
    }),
  })
}

beforeAll(async () => {
  if (!hasChromium) return
  const page = await build({
    entryPoints: [join(import.meta.dirname, '../msw/browser/redirect-page.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  })
  const js = page.outputFiles[0]!.text
  app = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/redirect.html')
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><html><body><script type="module" src="/redirect.js"></script></body></html>')
    else if (path === '/redirect.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js)
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  app?.close()
})

async function start(page: Page, settings: { pool: string; client: string; domain: string; provider?: string }) {
  await page.goto(`${origin}/redirect.html?${new URLSearchParams({ settings: JSON.stringify(settings) })}`)
}

async function result(page: Page): Promise<unknown> {
  await page.waitForFunction(() => window.__redirect !== undefined, undefined, { timeout: 30_000 })
  return page.evaluate(() => window.__redirect)
}

/** Signs in on the hosted page as jane. */
async function asJane(page: Page): Promise<void> {
  await page.waitForSelector('#signin')
  await page.fill('#username', 'jane')
  await page.fill('#password', 'Correct-Horse-1')
  await page.click('#signin button')
}

/** The `identities` claim of the ID token the page signed in with. */
async function identities(page: Page): Promise<unknown> {
  return page.evaluate(() => (window.__idToken as { identities?: unknown } | undefined)?.identities)
}

/** Types an account on a social provider's stand-in page (the same form for each provider). */
async function atStandIn(page: Page, email: string, name: string, sub: string): Promise<void> {
  await page.waitForSelector('#stand-in-sign-in')
  await page.fill('#email', email)
  await page.fill('#name', name)
  await page.fill('#id', sub)
  await page.click('#stand-in-sign-in button')
}

describe.skipIf(!hasChromium)('Amplify v6 signInWithRedirect in Chromium (needs /usr/bin/chromium)', () => {
  describe('against serve --https, named as the oauth.domain (127.0.0.1:<port>)', () => {
    let cognito: RunningCognitoServer
    let ids: { pool: string; client: string }
    let domain = ''
    beforeAll(async () => {
      cognito = await startCognitoServer({ https: true })
      ids = await world(sdkFor(cognito))
      domain = new URL(cognito.url).host
    }, 60_000)
    afterAll(async () => {
      await cognito?.close()
    })

    it('serves https with a certificate for 127.0.0.1, localhost and ::1', async () => {
      expect(cognito.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/)
      const { X509Certificate } = await import('node:crypto')
      expect(new X509Certificate(cognito.certificate!).subjectAltName).toBe(
        'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
      )
    })

    it('signs in through the hosted sign-in page', async () => {
      // A context of its own each (Amplify keeps its tokens in the origin's storage), trusting serve's certificate.
      const context = await browser.newContext({ ignoreHTTPSErrors: true })
      const page = await context.newPage()
      await start(page, { ...ids, domain })
      await asJane(page)
      expect(await result(page)).toEqual({ username: 'jane', email: 'jane@example.com', scope: 'openid email profile' })
      await context.close()
    })

    it("signs in with signInWithRedirect({ provider: 'Google' }) through Google's stand-in page", async () => {
      // A context of its own each (Amplify keeps its tokens in the origin's storage), trusting serve's certificate.
      const context = await browser.newContext({ ignoreHTTPSErrors: true })
      const page = await context.newPage()
      await start(page, { ...ids, domain, provider: 'Google' })
      await atStandIn(page, 'ann@gmail.com', 'Ann Lee', '109354484677663308178')
      expect(await result(page)).toEqual({
        username: 'Google_109354484677663308178',
        email: 'ann@gmail.com',
        scope: 'openid email profile',
      })
      expect(await identities(page)).toEqual([
        expect.objectContaining({ userId: '109354484677663308178', providerName: 'Google', providerType: 'Google' }),
      ])
      await context.close()
    })

    it.each([
      ['Facebook', 'Facebook', 'bo@fb.example', 'Bo Fox', '10160123456789012'],
      ['Apple', 'SignInWithApple', 'di@icloud.example', 'Di Apfel', '001234.0123456789abcdef0123456789abcdef.0123'],
      ['Amazon', 'LoginWithAmazon', 'cy@amzn.example', 'Cy Amaz', 'amzn1.account.AGXYZ123ABCDEFGHIJKLMNOPQRST'],
    ])(
      "signs in with signInWithRedirect({ provider: '%s' }) as %s_<id> through the stand-in page",
      async (amplify, type, email, name, id) => {
        // Amplify names Apple and Amazon its own way and sends Cognito's identity_provider (SignInWithApple,
        // LoginWithAmazon): cognitoHostedUIIdentityProviderMap in @aws-amplify/auth.
        const context = await browser.newContext({ ignoreHTTPSErrors: true })
        const page = await context.newPage()
        await start(page, { ...ids, domain, provider: amplify })
        await page.waitForURL(new RegExp(`/_stand-in/${type}\\?`))
        await atStandIn(page, email, name, id)
        expect(await result(page)).toEqual({ username: `${type}_${id}`, email, scope: 'openid email profile' })
        expect(await identities(page)).toEqual([
          expect.objectContaining({ userId: id, providerName: type, providerType: type }),
        ])
        await context.close()
      },
    )
  })

  describe("through routeCognitoDomains (the pool's real domain host, routed)", () => {
    it('to serve: Google through the stand-in page', async () => {
      const cognito = await startCognitoServer()
      try {
        const ids = await world(sdkFor(cognito))
        const page = await browser.newPage()
        await routeCognitoDomains(page, cognito.url)
        await start(page, { ...ids, domain: DOMAIN, provider: 'Google' })
        await atStandIn(page, 'bo@gmail.com', 'Bo Ng', '100000000000000000002')
        expect(await result(page)).toEqual({
          username: 'Google_100000000000000000002',
          email: 'bo@gmail.com',
          scope: 'openid email profile',
        })
        expect(new URL(page.url()).origin).toBe(origin)
        await page.close()
      } finally {
        await cognito.close()
      }
    })

    it('to an in-process mock: the hosted page, then a Google identity linked to jane signs in as jane', async () => {
      const handler = cognitoRequestHandler()
      const sdk = new CognitoIdentityProviderClient({
        region: 'eu-west-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        requestHandler: handler,
      })
      const mock = handler.mock
      const ids = await world(sdk)
      await sdk.send(
        new AdminLinkProviderForUserCommand({
          UserPoolId: ids.pool,
          DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'jane' },
          SourceUser: {
            ProviderName: 'Google',
            ProviderAttributeName: 'Cognito_Subject',
            ProviderAttributeValue: '200000000000000000001',
          },
        }),
      )
      const page = await browser.newPage()
      await routeCognitoDomains(page, mock)
      await start(page, { ...ids, domain: DOMAIN })
      await asJane(page)
      expect(await result(page)).toMatchObject({ username: 'jane' })
      const linked = await (await browser.newContext()).newPage()
      await routeCognitoDomains(linked, mock)
      await start(linked, { ...ids, domain: DOMAIN, provider: 'Google' })
      await atStandIn(linked, 'jane@gmail.com', 'Jane G', '200000000000000000001')
      expect(await result(linked)).toEqual({ username: 'jane', email: 'jane@gmail.com', scope: 'openid email profile' })
      await page.close()
      await linked.context().close()
    })
  })

  describe('SAML through a real IdP in the test (samlify), against serve --https', () => {
    let cognito: RunningCognitoServer
    let idp: Awaited<ReturnType<typeof startSamlIdp>>
    let ids: { pool: string; client: string }
    let domain = ''
    const poolKey = (use: string): string => {
      for (const p of cognito.mock.simulation.snapshot().partitions)
        for (const stored of p.tables['samlKeys'] ?? []) {
          const row = stored.row as { poolId: string; use: string; cert: string }
          if (row.poolId === ids.pool && row.use === use) return row.cert
        }
      throw new Error(`no ${use} key`)
    }
    beforeAll(async () => {
      cognito = await startCognitoServer({ https: true })
      const sdk = sdkFor(cognito)
      ids = await world(sdk)
      domain = new URL(cognito.url).host
      idp = await startSamlIdp((encrypted) =>
        samlify.ServiceProvider({
          entityID: `urn:amazon:cognito:sp:${ids.pool}`,
          assertionConsumerService: [
            { Binding: samlify.Constants.namespace.binding.post, Location: `${cognito.url}saml2/idpresponse` },
          ],
          isAssertionEncrypted: encrypted,
          authnRequestsSigned: encrypted,
          ...(encrypted && { encryptCert: poolKey('encryption'), signingCert: poolKey('signing') }),
        }),
      )
      for (const [name, details] of [
        ['okta', { MetadataURL: `${idp.url}/metadata`, IDPInit: 'true' }],
        [
          'oktaenc',
          {
            MetadataURL: `${idp.url}/metadata?encrypted=1`,
            EncryptedResponses: 'true',
            RequestSigningAlgorithm: 'rsa-sha256',
          },
        ],
      ] as const)
        await sdk.send(
          new CreateIdentityProviderCommand({
            UserPoolId: ids.pool,
            ProviderName: name,
            ProviderType: 'SAML',
            ProviderDetails: details,
            AttributeMapping: { email: 'email' },
          }),
        )
      await sdk.send(
        new UpdateUserPoolClientCommand({
          UserPoolId: ids.pool,
          ClientId: ids.client,
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ['code'],
          AllowedOAuthScopes: ['openid', 'email', 'profile'],
          CallbackURLs: [`${origin}/redirect.html`],
          SupportedIdentityProviders: ['COGNITO', ...Object.keys(SOCIAL), 'okta', 'oktaenc'],
        }),
      )
      // The IdP verifies signed requests with the certificate GetSigningCertificate gives (read back below).
      await sdk.send(new GetSigningCertificateCommand({ UserPoolId: ids.pool }))
    }, 60_000)
    afterAll(async () => {
      idp?.close()
      await cognito?.close()
    })

    it('IdP-initiated (IDPInit): the IdP posts an unsolicited assertion, the app gets a code', async () => {
      const context = await browser.newContext({ ignoreHTTPSErrors: true })
      const page = await context.newPage()
      const relay = new URLSearchParams({
        client_id: ids.client,
        redirect_uri: `${origin}/redirect.html`,
        response_type: 'code',
        scope: 'openid email',
        identity_provider: 'okta',
      })
      const acs = `${cognito.url}saml2/idpresponse`
      await page.goto(`${idp.url}/init?${new URLSearchParams({ acs, relay: relay.toString() })}`)
      await page.waitForURL(/\/redirect\.html\?code=/)
      expect(new URL(page.url()).searchParams.get('code')).toMatch(/^[0-9a-f-]{36}$/)
      await context.close()
    })

    it.each([
      ['okta', 'a signed assertion'],
      ['oktaenc', 'a signed request and an encrypted assertion'],
    ])("signInWithRedirect({ provider: { custom: '%s' } }): %s", async (provider) => {
      const context = await browser.newContext({ ignoreHTTPSErrors: true })
      const page = await context.newPage()
      await start(page, { ...ids, domain, provider })
      expect(await result(page)).toEqual({
        username: `${provider}_alice@corp.example`,
        email: 'alice@corp.example',
        scope: 'openid email profile',
      })
      await context.close()
    })
  })
})

/** A SAML IdP on loopback (samlify in its IdP role): its SSO endpoint answers any AuthnRequest for `alice`. */
async function startSamlIdp(spOf: (encrypted: boolean) => samlify.ServiceProviderInstance) {
  const keys = await selfSignedCertificate({ commonName: 'okta', days: 365 })
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const idpFor = (encrypted: boolean) =>
    samlify.IdentityProvider({
      entityID: `${url}/okta`,
      privateKey: keys.key,
      signingCert: keys.cert,
      isAssertionEncrypted: encrypted,
      wantAuthnRequestsSigned: encrypted,
      singleSignOnService: [
        { Binding: samlify.Constants.namespace.binding.redirect, Location: `${url}/${encrypted ? 'sso-enc' : 'sso'}` },
      ],
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
  /** The auto-posting form an IdP answers with (HTTP-POST binding). */
  const form = (action: string, fields: Record<string, string>) =>
    `<!doctype html><html><body><form id="saml" method="post" action="${action}">${Object.entries(fields)
      .map(([k, v]) => `<input type="hidden" name="${k}" value="${v.replaceAll('"', '&quot;')}">`)
      .join('')}</form><script>document.getElementById('saml').submit()</script></body></html>`
  server.on('request', (req, res) => {
    void (async () => {
      const at = new URL(req.url ?? '/', url)
      const encrypted = at.searchParams.get('encrypted') === '1' || at.pathname === '/sso-enc'
      const sp = spOf(encrypted)
      const idp = idpFor(encrypted)
      const user = { email: 'alice@corp.example' }
      if (at.pathname === '/metadata') res.writeHead(200, { 'content-type': 'application/xml' }).end(idp.getMetadata())
      else if (at.pathname === '/sso' || at.pathname === '/sso-enc' || at.pathname === '/init') {
        // `/init?acs=…&relay=…`: IdP-initiated, an unsolicited response (no AuthnRequest, no InResponseTo).
        const parsed =
          at.pathname === '/init'
            ? { extract: { request: { id: '', assertionConsumerServiceUrl: at.searchParams.get('acs')! } } }
            : await idp.parseLoginRequest(sp, 'redirect', {
                query: Object.fromEntries(at.searchParams),
                octetString: at.search.slice(1).split('&Signature=')[0]!,
              })
        const { id: requestId, assertionConsumerServiceUrl: location } = (
          parsed.extract as { request: { id: string; assertionConsumerServiceUrl: string } }
        ).request
        const answer = (await idp.createLoginResponse(sp, parsed as never, 'post', user, (template: string) => {
          const now = new Date()
          const end = new Date(now.getTime() + 300_000).toISOString()
          const id = `_${crypto.randomUUID()}`
          const entity = sp.entitySetting.entityID as string
          const values: Record<string, string> = {
            ID: id,
            AssertionID: `_${crypto.randomUUID()}`,
            Destination: location,
            Audience: entity,
            EntityID: entity,
            SubjectRecipient: location,
            Issuer: `${url}/okta`,
            IssueInstant: now.toISOString(),
            AssertionConsumerServiceURL: location,
            StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
            ConditionsNotBefore: new Date(now.getTime() - 60_000).toISOString(),
            ConditionsNotOnOrAfter: end,
            SubjectConfirmationDataNotOnOrAfter: end,
            NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
            NameID: user.email,
            InResponseTo: requestId,
            AuthnStatement: '',
            attrEmail: user.email,
          }
          let text = template
          for (const [k, v] of Object.entries(values)) text = text.replaceAll(`{${k}}`, v)
          if (requestId === '') text = text.replaceAll(' InResponseTo=""', '')
          return { id, context: text }
        })) as { context: string; entityEndpoint: string }
        res.writeHead(200, { 'content-type': 'text/html' }).end(
          form(answer.entityEndpoint, {
            SAMLResponse: answer.context,
            RelayState: at.searchParams.get('RelayState') ?? at.searchParams.get('relay') ?? '',
          }),
        )
      } else res.writeHead(404).end()
    })().catch((error: Error) => res.writeHead(500).end(error.message))
  })
  return { url, metadata: (encrypted: boolean) => idpFor(encrypted).getMetadata(), close: () => server.close() }
}
