import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningCognitoServer } from '../../../src/adapters/server/index.js'
import { ROOT } from '../../support/model.js'
import {
  CLIENT,
  hasChromium,
  launch,
  POOL,
  registerPasskey,
  seriousViolations,
  signUpInApp,
  startApp,
  startShop,
} from './console-support.js'

/** `CONSOLE_SCREENSHOTS=1` writes docs/console/<view>.png (and users-dark.png), the README's pictures of each view. */
const SCREENSHOTS = process.env['CONSOLE_SCREENSHOTS'] === '1'
const VIEWS = ['pools', 'users', 'messages', 'calls', 'triggers', 'state'] as const
/** What shows that a view has its content. */
const READY: Record<(typeof VIEWS)[number], string> = {
  pools: '#pool-settings h2',
  users: '#users-table tbody tr',
  messages: '#messages-table tbody tr',
  calls: '#calls-table tbody tr',
  triggers: '#triggers-table tbody tr',
  state: '#health dd',
}

let server: RunningCognitoServer
let browser: Browser
let page: Page

beforeAll(async () => {
  if (!hasChromium) return
  server = await startShop()
  const app = await startApp()
  browser = await launch()
  try {
    // What a morning's work leaves: a sign-up from the app, confirmed and signed in, an invitation, a wrong password.
    expect(await signUpInApp(browser, app.port, server, 'jane@example.com')).toBe('CONFIRM_SIGN_UP')
  } finally {
    app.close()
  }
  const sim = server.mock.simulation
  const code = server.mock.lastCode({ destination: 'jane@example.com' })!
  await sim.send('ConfirmSignUp', { ClientId: CLIENT, Username: 'jane@example.com', ConfirmationCode: code })
  await registerPasskey(server, 'jane@example.com', 'Correct-Horse-1')
  await sim.send('AdminCreateUser', {
    UserPoolId: POOL,
    Username: 'ann@example.com',
    UserAttributes: [{ Name: 'email', Value: 'ann@example.com' }],
    DesiredDeliveryMediums: ['EMAIL'],
  })
  const endpoint = new URL('/', server.url).href
  for (const password of ['Correct-Horse-1', 'Wrong-Horse-1'])
    await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        ClientId: CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'jane@example.com', PASSWORD: password },
      }),
    })
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function show(view: string, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme })
  await page.goto(`${server.url}_cognito-idp-contract/#${view}`)
  await page
    .locator(`#view-${view} ${READY[view as (typeof VIEWS)[number]]}`)
    .first()
    .waitFor()
}

describe.skipIf(!hasChromium)('the console is accessible (axe-core in Chromium)', () => {
  for (const scheme of ['light', 'dark'] as const)
    for (const view of VIEWS)
      it(`${view}, ${scheme}: no serious violation`, async () => {
        await show(view, scheme)
        expect(await seriousViolations(page)).toEqual([])
        if (SCREENSHOTS && (scheme === 'light' || view === 'users')) {
          mkdirSync(join(ROOT, 'docs/console'), { recursive: true })
          await page.screenshot({ path: join(ROOT, `docs/console/${view}${scheme === 'dark' ? '-dark' : ''}.png`) })
        }
      })

  it('the dialogs (a user, a new user) and a call shown: no serious violation, in both schemes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await show('users', scheme)
      await page.locator('#users-table tbody tr', { hasText: 'jane@example.com' }).getByRole('button').click()
      await page.locator('#user-dialog').waitFor()
      expect(await seriousViolations(page)).toEqual([])
      if (SCREENSHOTS && scheme === 'light') await page.screenshot({ path: join(ROOT, 'docs/console/user.png') })
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: 'Create user' }).click()
      await page.locator('#create-dialog').waitFor()
      expect(await seriousViolations(page)).toEqual([])
      await page.keyboard.press('Escape')
      await show('calls', scheme)
      await page.locator('#calls-table tbody tr').first().getByRole('button').click()
      await page.locator('#call-detail pre').first().waitFor()
      expect(await seriousViolations(page)).toEqual([])
    }
  })

  it('asks for the control token when the server has one, and works with it', async () => {
    const guarded = await startShop({ controlToken: 'console-token' })
    const tab = await browser.newPage()
    try {
      await tab.goto(`${guarded.url}_cognito-idp-contract/`)
      await tab.locator('#token-form').waitFor()
      expect(await seriousViolations(tab)).toEqual([])
      await tab.getByLabel('Control token').fill('console-token')
      await tab.getByRole('button', { name: 'Use the token' }).click()
      await tab.locator('#users-table tbody tr', { hasText: 'joe@example.com' }).waitFor()
      await tab.locator('#live', { hasText: 'Live' }).waitFor()
    } finally {
      await tab.close()
      await guarded.close()
    }
  })
})
