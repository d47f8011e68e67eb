// What the console's browser tests share: Chromium, a `serve` with a pool, an app page signing up with Amplify.
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { build } from 'esbuild'
import { type Browser, chromium, type Page } from 'playwright-core'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'
import type { Fixtures } from '../../../src/core/simulation/index.js'
import { ROOT } from '../../support/model.js'
import { SoftwareAuthenticator } from '../../support/webauthn.js'

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)
// CI installs Debian's chromium and sets REQUIRE_BROWSER, so there these suites can never be skipped.
if (!hasChromium && process.env['REQUIRE_BROWSER'] === '1')
  throw new Error(`REQUIRE_BROWSER is set but ${CHROMIUM} is missing`)

export const POOL = 'eu-west-1_Console01'
export const CLIENT = 'consoleclient000000000001'
export const DOMAIN = 'shop-console'
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const PRE_SIGN_UP = 'arn:aws:lambda:eu-west-1:123456789012:function:preSignUp'

/** A shop's pool: email usernames, a web client with the hosted login, a group, a PreSignUp trigger, one user. */
export const fixtures: Fixtures = {
  userPools: [
    {
      PoolName: 'shop',
      Id: POOL,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      LambdaConfig: { PreSignUp: PRE_SIGN_UP },
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
      MfaConfig: {
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        WebAuthnConfiguration: { RelyingPartyId: 'example.com', UserVerification: 'preferred' },
      },
      Clients: [
        {
          ClientName: 'web',
          ClientId: CLIENT,
          ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          CallbackURLs: ['http://localhost:3000/callback'],
          AllowedOAuthFlows: ['code'],
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthScopes: ['openid', 'email'],
          SupportedIdentityProviders: ['COGNITO'],
        },
      ],
      Groups: [{ GroupName: 'admins', Precedence: 1, Description: 'Shop staff' }],
      Users: [
        {
          username: 'joe@example.com',
          password: 'Correct-Horse-1',
          groups: ['admins'],
          mfa: { totpSecret: TOTP_SECRET, preferred: 'SOFTWARE_TOKEN_MFA' },
        },
      ],
    },
  ],
}

/** `serve` with the shop's pool, its trigger (which lets every sign-up through) and its domain. */
export async function startShop(options: { readonly controlToken?: string } = {}): Promise<RunningCognitoServer> {
  const server = await startCognitoServer({
    fixtures,
    lambdas: { preSignUp: async (event: unknown) => event },
    ...options,
  })
  await server.mock.simulation.send('CreateUserPoolDomain', { Domain: DOMAIN, UserPoolId: POOL })
  return server
}

/** Registers a passkey (a software authenticator's) for a user who signs in with a password. */
export async function registerPasskey(server: RunningCognitoServer, username: string, password: string) {
  const sim = server.mock.simulation
  const signedIn = await sim.send('InitiateAuth', {
    ClientId: CLIENT,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: password },
  })
  const AccessToken = signedIn.AuthenticationResult!.AccessToken!
  const { CredentialCreationOptions } = await sim.send('StartWebAuthnRegistration', { AccessToken })
  const Credential = new SoftwareAuthenticator({ origin: 'https://app.example.com' }).create(CredentialCreationOptions)
  await sim.send('CompleteWebAuthnRegistration', { AccessToken, Credential })
}

/** Chromium as CI runs it. */
export function launch(extra: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extra],
  })
}

/** An app's own server on another port: `/` signs up with Amplify (see console-sign-up-page.ts), other paths are blank. */
export async function startApp(): Promise<{ port: number; close(): void }> {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'console-sign-up-page.ts')],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  })
  const script = bundle.outputFiles[0]!.text
  const app: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/app.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
    else if (path === '/')
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>app</title><script type="module" src="/app.js"></script>')
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title><p>page')
  })
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
  return { port: (app.address() as AddressInfo).port, close: () => app.close() }
}

/** Signs a user up from the app's page (Amplify, in its own tab), and resolves once Amplify has its answer. */
export async function signUpInApp(browser: Browser, appPort: number, server: RunningCognitoServer, email: string) {
  const tab = await browser.newPage()
  try {
    const query = new URLSearchParams({ endpoint: server.url, pool: POOL, client: CLIENT, email })
    await tab.goto(`http://127.0.0.1:${appPort}/?${query}`)
    await tab.waitForFunction(() => window.__signedUp !== undefined, undefined, { timeout: 30_000 })
    return await tab.evaluate(() => window.__signedUp)
  } finally {
    await tab.close()
  }
}

/** axe-core's serious and critical violations on the page as it is: rule, impact, and where. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const source = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source)
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<unknown> } }).axe
    return (await axe.run(document)) as {
      violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>
    }
  })
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
