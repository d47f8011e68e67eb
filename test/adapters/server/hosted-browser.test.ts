import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { build } from 'esbuild'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'
import { startIdp } from '../../support/idp.js'
import '../msw/browser/redirect-page-types.js'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
// CI installs Debian's chromium and sets REQUIRE_BROWSER, so there this suite can never be skipped.
if (!hasChromium && process.env['REQUIRE_BROWSER'] === '1')
  throw new Error(`REQUIRE_BROWSER is set but ${CHROMIUM} is missing`)
const DOMAIN = 'myapp.auth.eu-west-1.amazoncognito.com'

let app: Server
let origin = ''
let browser: Browser
let cognito: RunningCognitoServer
let idpServer: { close: () => void } | undefined
let poolId = ''
let clientId = ''

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
  cognito = await startCognitoServer()
  const sdk = new CognitoIdentityProviderClient({
    endpoint: cognito.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  })
  poolId = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'redirects' }))).UserPool!.Id!
  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'myapp' }))
  const idp = await startIdp(`${cognito.url}_domain/myapp/oauth2/idpresponse`, (sub) => ({
    email: `${sub}@corp.example`,
    email_verified: true,
  }))
  const issuer = idp.issuer
  idpServer = idp
  await sdk.send(
    new CreateIdentityProviderCommand({
      UserPoolId: poolId,
      ProviderName: 'Corp',
      ProviderType: 'OIDC',
      ProviderDetails: {
        client_id: 'cognito',
        client_secret: 'idp-secret',
        authorize_scopes: 'openid email',
        oidc_issuer: issuer,
        attributes_request_method: 'GET',
      },
      AttributeMapping: { email: 'email', username: 'sub' },
    }),
  )
  clientId = (
    await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'spa',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        CallbackURLs: [`${origin}/redirect.html`],
        LogoutURLs: [`${origin}/redirect.html`],
        SupportedIdentityProviders: ['COGNITO', 'Corp'],
      }),
    )
  ).UserPoolClient!.ClientId!
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: 'jane',
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
    }),
  )
  await sdk.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: poolId,
      Username: 'jane',
      Password: 'Correct-Horse-1',
      Permanent: true,
    }),
  )
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  idpServer?.close()
  await cognito?.close()
  app?.close()
})

/** A page whose requests to the domain's real host go to `serve`'s local form of it (`/_domain/myapp`). */
async function pageWithDomain(): Promise<Page> {
  const page = await browser.newPage()
  await page.route(`https://${DOMAIN}/**`, async (route) => {
    const url = new URL(route.request().url())
    const local = `${cognito.url}_domain/myapp${url.pathname}${url.search}`
    const response = await route.fetch({ url: local, maxRedirects: 0 })
    await route.fulfill({ response })
  })
  return page
}

async function start(page: Page, provider?: string): Promise<void> {
  const settings = JSON.stringify({ pool: poolId, client: clientId, domain: DOMAIN, ...(provider && { provider }) })
  await page.goto(`${origin}/redirect.html?${new URLSearchParams({ settings })}`)
}

describe.skipIf(!hasChromium)(
  'Amplify v6 signInWithRedirect in Chromium (needs /usr/bin/chromium: apt-get install chromium)',
  () => {
    it('signs in through the hosted sign-in page', async () => {
      const page = await pageWithDomain()
      await start(page)
      await page.waitForSelector('#signin')
      await page.fill('#username', 'jane')
      await page.fill('#password', 'Correct-Horse-1')
      await page.click('#signin button')
      await page.waitForFunction(() => window.__redirect !== undefined, undefined, { timeout: 30_000 })
      expect(await page.evaluate(() => window.__redirect)).toEqual({
        username: 'jane',
        email: 'jane@example.com',
        scope: 'openid email profile',
      })
    })

    it('signs in through the outside OIDC provider', async () => {
      const page = await pageWithDomain()
      await start(page, 'Corp')
      // oidc-provider's development login, then its consent prompt.
      await page.waitForSelector('input[name="login"]')
      await page.fill('input[name="login"]', 'alice')
      await page.fill('input[name="password"]', 'any')
      await page.click('button[type="submit"]')
      await page.waitForSelector('button[type="submit"]')
      await page.click('button[type="submit"]')
      await page.waitForFunction(() => window.__redirect !== undefined, undefined, { timeout: 30_000 })
      expect(await page.evaluate(() => window.__redirect)).toEqual({
        username: 'Corp_alice',
        email: 'alice@corp.example',
        scope: 'openid email profile',
      })
    })
  },
)
