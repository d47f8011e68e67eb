import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
// CI installs Debian's chromium and sets REQUIRE_BROWSER, so there this suite can never be skipped.
if (!hasChromium && process.env['REQUIRE_BROWSER'] === '1')
  throw new Error(`REQUIRE_BROWSER is set but ${CHROMIUM} is missing`)

let page: Server
let port = 0
let browser: Browser
let cognito: RunningCognitoServer

beforeAll(async () => {
  if (!hasChromium) return
  // A page of another port: the same blank page, reached as 127.0.0.1 (this machine) or as evil.test (another site).
  page = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>page'))
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve))
  port = (page.address() as AddressInfo).port
  cognito = await startCognitoServer()
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      // evil.test names this machine, as a site whose DNS points at 127.0.0.1 would (DNS rebinding).
      '--host-resolver-rules=MAP evil.test 127.0.0.1',
    ],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await cognito?.close()
  page?.close()
})

beforeEach(async () => {
  if (!hasChromium) return
  cognito.mock.reset()
  await new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: cognito.url,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  }).send(new CreateUserPoolCommand({ PoolName: 'kept' }))
})

const pools = () => cognito.mock.simulation.snapshot().partitions.length

/** Runs, in a page of `origin`, fetches against the server's controls; resolves to what each did. */
async function fromPage(origin: string, withHeader: boolean): Promise<string[]> {
  const tab = await browser.newPage()
  try {
    await tab.goto(`${origin}/`)
    return await tab.evaluate(
      async ({ base, withHeader }) => {
        const out: string[] = []
        const headers: Record<string, string> = withHeader ? { 'x-cognito-idp-contract': '1' } : {}
        for (const [path, init] of [
          ['snapshot', { headers }],
          ['reset', { method: 'POST', headers, ...(withHeader ? {} : { mode: 'no-cors' as const, body: 'x' }) }],
        ] as const) {
          try {
            const response = await fetch(`${base}_cognito-idp-contract/${path}`, init as RequestInit)
            out.push(`${path} ${response.type === 'opaque' ? 'opaque' : response.status}`)
          } catch {
            out.push(`${path} blocked`)
          }
        }
        return out
      },
      { base: cognito.url, withHeader },
    )
  } finally {
    await tab.close()
  }
}

describe.skipIf(!hasChromium)(
  'serve controls from pages in Chromium (needs /usr/bin/chromium: apt-get install chromium)',
  () => {
    it('a page of another site can neither read the snapshot nor reset, with or without the control header', async () => {
      expect(await fromPage(`http://evil.test:${port}`, false)).toEqual(['snapshot blocked', 'reset opaque'])
      expect(pools()).toBe(1)
      expect(await fromPage(`http://evil.test:${port}`, true)).toEqual(['snapshot blocked', 'reset blocked'])
      expect(pools()).toBe(1)
    })

    it('a page of this machine on another port cannot reset with a simple request, and can with the control header', async () => {
      expect(await fromPage(`http://127.0.0.1:${port}`, false)).toEqual(['snapshot 200', 'reset opaque'])
      expect(pools()).toBe(1)
      expect(await fromPage(`http://127.0.0.1:${port}`, true)).toEqual(['snapshot 200', 'reset 204'])
      expect(pools()).toBe(0)
    })

    it('a site whose name points at the server (DNS rebinding) gets no page and no state', async () => {
      const tab = await browser.newPage()
      try {
        const response = await tab.goto(`http://evil.test:${new URL(cognito.url).port}/_cognito-idp-contract/snapshot`)
        expect(response?.status()).toBe(403)
        expect(await tab.content()).not.toContain('partitions')
      } finally {
        await tab.close()
      }
    })
  },
)
