import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { build } from 'esbuild'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'
import { ROOT } from '../../support/model.js'
import { passkeyFixtures } from './browser/passkey-fixtures.js'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
let server: Server
let browser: Browser
let origin = ''

beforeAll(async () => {
  if (!hasChromium) return
  const page = await build({
    entryPoints: [join(import.meta.dirname, 'browser/passkey-page.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  })
  const files: Record<string, [string, string]> = {
    '/': ['text/html', '<!doctype html><html><body><script type="module" src="/passkey.js"></script></body></html>'],
    '/passkey.js': ['text/javascript', page.outputFiles[0]!.text],
    '/mockServiceWorker.js': [
      'text/javascript',
      readFileSync(join(ROOT, 'node_modules/msw/lib/mockServiceWorker.js'), 'utf8'),
    ],
  }
  server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname]
    res.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' }).end(file?.[1] ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  // WebAuthn needs a secure context and a domain for its relying party: localhost is both.
  origin = `http://localhost:${(server.address() as { port: number }).port}`
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--host-resolver-rules=MAP localhost 127.0.0.1',
    ],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  server?.close()
})

describe.skipIf(!hasChromium)('passkeys in a real browser (Debian chromium, its virtual authenticator)', () => {
  it('Amplify v6 registers, lists, signs in with and deletes a passkey, the simulation verifying as Cognito would', async () => {
    expect(await passkeysOn(origin)).toEqual(EXPECTED)
  }, 120_000)

  it('the same against serve (the page given its address)', async () => {
    const cognito: RunningCognitoServer = await startCognitoServer({ fixtures: passkeyFixtures })
    try {
      expect(await passkeysOn(`${origin}/?${new URLSearchParams({ endpoint: cognito.url })}`)).toEqual(EXPECTED)
    } finally {
      await cognito.close()
    }
  }, 120_000)
})

/** What the page finds, through the worker or serve. */
const EXPECTED = {
  listed: [
    { name: 'Platform passkey', rp: 'localhost', attachment: 'platform', transports: ['internal'], created: true },
  ],
  again: 'PasskeyAlreadyExists',
  preferred: { signedIn: true, step: 'DONE', email: 'jane@example.com' },
  offered: ['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN'],
  chosen: true,
  after: 0,
  withoutPasskey: ['PASSWORD', 'PASSWORD_SRP'],
}

/** Opens the passkey page in a new tab with a virtual authenticator, and returns what it found. */
async function passkeysOn(url: string): Promise<unknown> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  // Chrome DevTools Protocol's virtual authenticator: a platform passkey provider that verifies its user.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  })
  await page.goto(url)
  await page.waitForFunction(() => window.__passkeys !== undefined, undefined, { timeout: 60_000 })
  expect(errors).toEqual([])
  const found = await page.evaluate(() => window.__passkeys)
  await page.close()
  return found
}
