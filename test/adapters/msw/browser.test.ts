import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { build, type Plugin } from 'esbuild'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCognitoServer } from '../../../src/adapters/server/index.js'
import { ROOT } from '../../support/model.js'
import { tsExamples } from '../../support/readme.js'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const DONE = '__readme_example_done__'

/** Resolves `cognito-idp-contract/<subpath>` through the package's own exports map, as a consumer's bundler would. */
const selfReference: Plugin = {
  name: 'self-reference',
  setup(b) {
    const exportsMap = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        exports: Record<string, { default: string } | string>
      }
    ).exports
    b.onResolve({ filter: /^cognito-idp-contract(\/.*)?$/ }, (args) => {
      const entry = exportsMap[`.${args.path.slice('cognito-idp-contract'.length)}`]
      const target = typeof entry === 'string' ? entry : entry?.default
      return target ? { path: join(ROOT, target) } : { errors: [{ text: `no export for ${args.path}` }] }
    })
  },
}

async function bundlePage(entry: { contents: string } | { file: string }): Promise<string> {
  const source =
    'file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: ROOT, loader: 'ts' as const } }
  const out = await build({
    ...source,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [selfReference],
  })
  return out.outputFiles[0]!.text
}
const hasChromium = existsSync(CHROMIUM)
let server: Server
let browser: Browser
let origin = ''

beforeAll(async () => {
  if (!hasChromium) return
  const readme = tsExamples().find((e) => e.runner === 'browser')!
  const files: Record<string, [string, string]> = {
    '/': ['text/html', '<!doctype html><html><body><script type="module" src="/app.js"></script></body></html>'],
    '/app.js': ['text/javascript', await bundlePage({ file: join(import.meta.dirname, 'browser/page.ts') })],
    '/sign-up.html': [
      'text/html',
      '<!doctype html><html><body><script type="module" src="/sign-up.js"></script></body></html>',
    ],
    '/sign-up.js': [
      'text/javascript',
      await bundlePage({ file: join(import.meta.dirname, 'browser/sign-up-page.ts') }),
    ],
    '/sign-in.html': [
      'text/html',
      '<!doctype html><html><body><script type="module" src="/sign-in.js"></script></body></html>',
    ],
    '/sign-in.js': [
      'text/javascript',
      await bundlePage({ file: join(import.meta.dirname, 'browser/sign-in-page.ts') }),
    ],
    '/serve.html': [
      'text/html',
      '<!doctype html><html><body><script type="module" src="/serve.js"></script></body></html>',
    ],
    '/serve.js': ['text/javascript', await bundlePage({ file: join(import.meta.dirname, 'browser/serve-page.ts') })],
    '/readme.html': [
      'text/html',
      '<!doctype html><html><body><script type="module" src="/readme.js"></script></body></html>',
    ],
    '/readme.js': [
      'text/javascript',
      await bundlePage({ contents: `${readme.code}\nconsole.log(${JSON.stringify(DONE)})\n` }),
    ],
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
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  server?.close()
})

describe('a browser is there when CI requires one', () => {
  it.runIf(process.env['REQUIRE_BROWSER'] === '1')(`finds ${CHROMIUM}`, () => {
    expect(hasChromium).toBe(true)
  })
})

describe.skipIf(!hasChromium)(
  'in a real browser (Debian chromium) (needs /usr/bin/chromium: apt-get install chromium)',
  () => {
    it("MSW's service worker serves our handlers to the real SDK running in the page", async () => {
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(origin)
      await page.waitForFunction(() => window.__results !== undefined, undefined, { timeout: 60_000 })
      const results = (await page.evaluate(() => window.__results)) as Record<string, unknown>
      expect(errors).toEqual([])
      expect(results).toMatchObject({
        arn: expect.stringMatching(/^arn:aws:cognito-idp:eu-west-1:123456789012:userpool\/eu-west-1_[A-Za-z0-9]{9}$/),
        providers: ['Okta:OIDC'],
        created: true,
        bad: {
          name: 'InvalidParameterException',
          message:
            "1 validation error detected: Value ' nope' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
        },
        calls: 4,
      })
    })

    it('signs a user up with Amplify v6 in the page, confirming with the code the pool sent', async () => {
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(`${origin}/sign-up.html`)
      await page.waitForFunction(() => window.__signUp !== undefined, undefined, { timeout: 60_000 })
      expect(errors).toEqual([])
      expect(await page.evaluate(() => window.__signUp)).toEqual({
        step: 'CONFIRM_SIGN_UP',
        destination: 'j***@e***',
        complete: true,
        status: 'CONFIRMED',
      })
    })

    it('signs in with Amplify v6 and an authenticator app in the page, the ID token verified by aws-jwt-verify', async () => {
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(`${origin}/sign-in.html`)
      await page.waitForFunction(() => window.__signIn !== undefined, undefined, { timeout: 60_000 })
      expect(errors).toEqual([])
      expect(await page.evaluate(() => window.__signIn)).toEqual({
        step: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE',
        signedIn: true,
        loginId: 'jane@example.com',
        email: 'jane@example.com',
      })
    })

    it('a web app on one port signs up and in with Amplify v6 against `serve` on another (CORS)', async () => {
      const endpoint = await startCognitoServer({
        fixtures: {
          userPools: [
            {
              PoolName: 'served',
              Id: 'us-east-1_Served001',
              UsernameAttributes: ['email'],
              AutoVerifiedAttributes: ['email'],
              Clients: [{ ClientName: 'web', ClientId: 'servedclient00000000000001' }],
            },
          ],
        },
      })
      try {
        const page = await browser.newPage()
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        const query = new URLSearchParams({
          endpoint: endpoint.url,
          pool: 'us-east-1_Served001',
          client: 'servedclient00000000000001',
        })
        await page.goto(`${origin}/serve.html?${query}`)
        await page.waitForFunction(() => window.__serve !== undefined, undefined, { timeout: 60_000 })
        expect(errors).toEqual([])
        expect(await page.evaluate(() => window.__serve)).toEqual({
          origin: true,
          step: 'CONFIRM_SIGN_UP',
          complete: true,
          signedIn: true,
          email: 'jane@example.com',
          refusal: 'UserNotFoundException: User does not exist.',
        })
        expect(new Set(endpoint.mock.calls().map((c) => c.operation))).toEqual(
          new Set(['SignUp', 'ConfirmSignUp', 'InitiateAuth', 'RespondToAuthChallenge', 'RevokeToken']),
        )
        expect(new Set(endpoint.mock.calls().map((c) => c.source))).toEqual(new Set(['simulation']))
      } finally {
        await endpoint.close()
      }
    })

    it("runs the README's browser example and prints what the README says", async () => {
      const readme = tsExamples().find((e) => e.runner === 'browser')!
      const page = await browser.newPage()
      const lines: string[] = []
      const done = new Promise<void>((resolve) =>
        page.on('console', (m) => (m.text() === DONE ? resolve() : m.type() === 'log' && lines.push(m.text()))),
      )
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(`${origin}/readme.html`)
      await done
      expect(errors).toEqual([])
      expect(`${lines.join('\n')}\n`).toBe(readme.output)
    })
  },
)
