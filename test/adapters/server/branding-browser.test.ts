import { existsSync } from 'node:fs'
import * as Sdk from '@aws-sdk/client-cognito-identity-provider'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'
import { solidPng } from '../../core/simulation/branding/images.js'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
// CI installs Debian's chromium and sets REQUIRE_BROWSER, so there this suite can never be skipped.
if (!hasChromium && process.env['REQUIRE_BROWSER'] === '1')
  throw new Error(`REQUIRE_BROWSER is set but ${CHROMIUM} is missing`)

const CALLBACK = 'http://localhost:3000/callback'
let browser: Browser
let cognito: RunningCognitoServer
let sdk: Sdk.CognitoIdentityProviderClient

beforeAll(async () => {
  if (!hasChromium) return
  cognito = await startCognitoServer()
  sdk = new Sdk.CognitoIdentityProviderClient({
    endpoint: cognito.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await cognito?.close()
})

/** A pool with a domain of the given branding version and a client; the client's sign-in page URL. */
async function site(domain: string, version: 1 | 2): Promise<{ poolId: string; clientId: string; login: string }> {
  const poolId = (await sdk.send(new Sdk.CreateUserPoolCommand({ PoolName: domain }))).UserPool!.Id!
  await sdk.send(
    new Sdk.CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain, ManagedLoginVersion: version }),
  )
  const clientId = (
    await sdk.send(
      new Sdk.CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'web',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        CallbackURLs: [CALLBACK],
        SupportedIdentityProviders: ['COGNITO'],
      }),
    )
  ).UserPoolClient!.ClientId!
  const query = new URLSearchParams({ client_id: clientId, response_type: 'code', redirect_uri: CALLBACK })
  return { poolId, clientId, login: `${cognito.url}_domain/${domain}/login?${query}` }
}

/** How many pixels of a screenshot are within a few levels of `rgb`, counted in the browser's own canvas. */
async function pixelsOf(page: Page, shot: Buffer, rgb: readonly [number, number, number]): Promise<number> {
  const counter = await browser.newPage()
  try {
    return await counter.evaluate(
      async ({ src, rgb }) => {
        const img = new Image()
        img.src = src
        await img.decode()
        const canvas = document.createElement('canvas')
        canvas.width = img.naturalWidth
        canvas.height = img.naturalHeight
        const g = canvas.getContext('2d')!
        g.drawImage(img, 0, 0)
        const data = g.getImageData(0, 0, canvas.width, canvas.height).data
        let n = 0
        for (let i = 0; i < data.length; i += 4)
          if (
            Math.abs(data[i]! - rgb[0]) <= 3 &&
            Math.abs(data[i + 1]! - rgb[1]) <= 3 &&
            Math.abs(data[i + 2]! - rgb[2]) <= 3
          )
            n++
        return n
      },
      { src: `data:image/png;base64,${shot.toString('base64')}`, rgb },
    )
  } finally {
    await counter.close()
    void page
  }
}

const logoLoaded = (page: Page) =>
  page.$eval('#logo', (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)

describe.skipIf(!hasChromium)('branding on the hosted sign-in page, in Chromium (needs /usr/bin/chromium)', () => {
  it("managed login (version 2): the style's page colour and header logo reach the page", async () => {
    const { poolId, clientId, login } = await site('branded-v2', 2)
    await sdk.send(
      new Sdk.CreateManagedLoginBrandingCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        Settings: {
          components: {
            pageBackground: { lightMode: { color: 'd0218aff' } },
            primaryButton: { lightMode: { defaults: { backgroundColor: '2b1dd6ff', textColor: 'ffffffff' } } },
          },
        },
        Assets: [
          { Category: 'PAGE_HEADER_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: solidPng(120, 60, '#1fa34a') },
        ],
      }),
    )
    const page = await browser.newPage()
    await page.goto(login)
    await page.waitForSelector('#signin')
    expect(await logoLoaded(page)).toBe(120)
    const shot = await page.screenshot({ fullPage: true })
    expect(await pixelsOf(page, shot, [0xd0, 0x21, 0x8a])).toBeGreaterThan(10_000)
    expect(await pixelsOf(page, shot, [0x2b, 0x1d, 0xd6])).toBeGreaterThan(500)
    expect(await pixelsOf(page, shot, [0x1f, 0xa3, 0x4a])).toBeGreaterThan(5_000)
    await page.close()
  })

  it('managed login without a style for the client: login pages unavailable', async () => {
    const { login } = await site('unbranded-v2', 2)
    const page = await browser.newPage()
    const response = await page.goto(login)
    expect(response!.status()).toBe(400)
    expect(await page.textContent('h1')).toBe('Login pages unavailable')
    await page.close()
  })

  it("the classic hosted UI (version 1): the pool's CSS and logo reach the page", async () => {
    const { poolId, login } = await site('branded-v1', 1)
    await sdk.send(
      new Sdk.SetUICustomizationCommand({
        UserPoolId: poolId,
        ClientId: 'ALL',
        CSS: '.background-customizable { background-color: #17c3d9; }\n.submitButton-customizable { background-color: #e8a317; }',
        ImageFile: solidPng(100, 50, '#6b2fa0'),
      }),
    )
    const page = await browser.newPage()
    await page.goto(login)
    await page.waitForSelector('#signin')
    expect(await logoLoaded(page)).toBe(100)
    const shot = await page.screenshot({ fullPage: true })
    expect(await pixelsOf(page, shot, [0x17, 0xc3, 0xd9])).toBeGreaterThan(10_000)
    expect(await pixelsOf(page, shot, [0xe8, 0xa3, 0x17])).toBeGreaterThan(500)
    expect(await pixelsOf(page, shot, [0x6b, 0x2f, 0xa0])).toBeGreaterThan(3_000)
    await page.close()
  })
})
