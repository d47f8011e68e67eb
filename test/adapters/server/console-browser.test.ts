import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity-provider'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningCognitoServer } from '../../../src/adapters/server/index.js'
import { CLIENT, DOMAIN, hasChromium, launch, POOL, signUpInApp, startApp, startShop } from './console-support.js'

let server: RunningCognitoServer
let app: { port: number; close(): void }
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  if (!hasChromium) return
  server = await startShop()
  app = await startApp()
  // evil.test names this machine, as a site whose DNS points at 127.0.0.1 would.
  browser = await launch(['--host-resolver-rules=MAP evil.test 127.0.0.1'])
  context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin })
  page = await context.newPage()
  page.on('dialog', (dialog) => void dialog.accept())
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  app?.close()
})

const client = () =>
  new CognitoIdentityProviderClient({
    region: 'eu-west-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  })
const status = async (username: string) =>
  (await server.mock.simulation.send('AdminGetUser', { UserPoolId: POOL, Username: username })).UserStatus
/** The users table's row of a user, by a text it shows (its email). */
const row = (text: string) => page.locator('#users-table tbody tr', { hasText: text })
const view = async (name: string) => {
  await page.getByRole('tab', { name: name[0]!.toUpperCase() + name.slice(1) }).click()
  await page.locator(`#view-${name}`).waitFor()
}
const manage = async (email: string) => {
  await view('users')
  await row(email)
    .getByRole('button', { name: /^Manage / })
    .click()
  await page.locator('#user-dialog').waitFor()
}
const closeDialog = () => page.locator('#user-dialog').getByRole('button', { name: 'Close' }).click()

describe.skipIf(!hasChromium)('the console in Chromium (needs /usr/bin/chromium: apt-get install chromium)', () => {
  it('answers a browser opening the server, with the users of the first pool', async () => {
    const response = await page.goto(server.url)
    expect(page.url()).toBe(`${server.url}_cognito-idp-contract/`)
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
    await row('joe@example.com').waitFor()
    expect(await row('joe@example.com').textContent()).toContain('admins')
    expect(await row('joe@example.com').textContent()).toContain('SOFTWARE_TOKEN_MFA (preferred)')
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Users')
    await page.locator('#live', { hasText: 'Live' }).waitFor()
  })

  it('shows a user an Amplify page signed up as UNCONFIRMED, live, without reloading', async () => {
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }))
    expect(await signUpInApp(browser, app.port, server, 'jane@example.com')).toBe('CONFIRM_SIGN_UP')
    await row('jane@example.com').filter({ hasText: 'UNCONFIRMED' }).waitFor()
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true)
  })

  it('lists the code sent in Messages, newest first, and copies it', async () => {
    await view('messages')
    const code = server.mock.lastCode({ destination: 'jane@example.com' })!
    const first = page.locator('#messages-table tbody tr').first()
    await first.filter({ hasText: code }).waitFor()
    expect(await first.textContent()).toContain('jane@example.com')
    expect(await first.textContent()).toContain('SignUp')
    await first.getByRole('button', { name: `Copy code ${code}` }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code)
  })

  it('confirms the user from the console: its status changes there and in the pool', async () => {
    await manage('jane@example.com')
    await page.getByRole('button', { name: 'Confirm sign-up' }).click()
    await page.locator('#user-status', { hasText: /^CONFIRMED$/ }).waitFor()
    expect(await status('jane@example.com')).toBe('CONFIRMED')
    await closeDialog()
    await row('jane@example.com').filter({ hasText: 'CONFIRMED' }).waitFor()
  })

  it("shows Cognito's message when it refuses an edit, and changes nothing", async () => {
    await manage('jane@example.com')
    await page.locator('#attr-email').fill('not-an-email')
    await page.getByRole('button', { name: 'Save attributes' }).click()
    await page.locator('#user-error', { hasText: 'Invalid email address format.' }).waitFor()
    await page.locator('#new-password').fill('short')
    await page.getByRole('button', { name: 'Set password' }).click()
    await page.locator('#user-error', { hasText: 'Password does not conform to policy: ' }).waitFor()
    const user = await server.mock.simulation.send('AdminGetUser', { UserPoolId: POOL, Username: 'jane@example.com' })
    expect(user.UserAttributes?.find((a) => a.Name === 'email')?.Value).toBe('jane@example.com')
    await closeDialog()
  })

  it('creates a user, sets its password, sees its sign-in, disables, enables, signs it out everywhere, deletes it', async () => {
    await view('users')
    await page.getByRole('button', { name: 'Create user' }).click()
    await page.getByLabel('Username').fill('ann@example.com')
    await page.getByLabel('Email (optional)').fill('ann@example.com')
    await page.getByLabel('Send no invitation (MessageAction SUPPRESS)').check()
    await page.locator('#create-dialog').getByRole('button', { name: 'Create user' }).click()
    await row('ann@example.com').filter({ hasText: 'FORCE_CHANGE_PASSWORD' }).waitFor()

    await manage('ann@example.com')
    await page.locator('#new-password').fill('Correct-Horse-2')
    await page.getByRole('button', { name: 'Set password' }).click()
    await page.locator('#user-status', { hasText: /^CONFIRMED$/ }).waitFor()
    await closeDialog()
    const signedIn = await client().send(
      new InitiateAuthCommand({
        ClientId: CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'ann@example.com', PASSWORD: 'Correct-Horse-2' },
      }),
    )
    await row('ann@example.com').filter({ hasNotText: 'not seen' }).waitFor()

    await manage('ann@example.com')
    await page.getByRole('button', { name: 'Disable' }).click()
    await page.getByRole('button', { name: 'Enable' }).waitFor()
    expect(
      (await server.mock.simulation.send('AdminGetUser', { UserPoolId: POOL, Username: 'ann@example.com' })).Enabled,
    ).toBe(false)
    await page.getByRole('button', { name: 'Enable' }).click()
    await page.getByRole('button', { name: 'Disable' }).waitFor()
    await page.getByRole('button', { name: 'Sign out everywhere' }).click()
    await page.locator('#status', { hasText: 'AdminUserGlobalSignOut' }).waitFor()
    const refresh = client().send(
      new InitiateAuthCommand({
        ClientId: CLIENT,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: signedIn.AuthenticationResult!.RefreshToken! },
      }),
    )
    await expect(refresh).rejects.toBeInstanceOf(NotAuthorizedException)
    await page.getByRole('button', { name: 'Delete user' }).click()
    await page.locator('#user-dialog').waitFor({ state: 'detached' })
    await row('ann@example.com').waitFor({ state: 'detached' })
    await expect(status('ann@example.com')).rejects.toMatchObject({ name: 'UserNotFoundException' })
  })

  it('searches with ListUsers filters and pages through the users', async () => {
    for (let i = 0; i < 11; i++)
      await server.mock.simulation.send('AdminCreateUser', {
        UserPoolId: POOL,
        Username: `user${String(i).padStart(2, '0')}@example.com`,
        MessageAction: 'SUPPRESS',
      })
    await view('users')
    await page.locator('#page-size').selectOption('10')
    await page.locator('button:not([disabled])', { hasText: 'Next page' }).waitFor()
    expect(await page.locator('#users-table tbody tr').count()).toBe(10)
    await page.getByRole('button', { name: 'Next page' }).click()
    await page.getByText('Page 2').waitFor()
    expect(await page.locator('#users-table tbody tr').count()).toBe(3)
    await page.locator('#search-attribute').selectOption('email')
    await page.locator('#search-text').fill('jane')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.locator('#users-table caption', { hasText: 'where email ^= "jane"' }).waitFor()
    expect(await page.locator('#users-table tbody tr').count()).toBe(1)
    await page.getByRole('button', { name: 'Clear' }).click()
    await page.locator('#page-size').selectOption('20')
    await page.locator('#users-table tbody tr').nth(12).waitFor()
  })

  it("lists the calls live, filters them, and shows a call's request and answer with secrets masked", async () => {
    await view('calls')
    await page.locator('#calls-table tbody tr', { hasText: 'SignUp' }).first().waitFor()
    await client()
      .send(
        new InitiateAuthCommand({
          ClientId: CLIENT,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'jane@example.com', PASSWORD: 'Wrong-Horse-1' },
        }),
      )
      .catch(() => undefined)
    await page.locator('#calls-table tbody tr', { hasText: 'NotAuthorizedException' }).first().waitFor()
    await page.locator('#calls-status').selectOption('4xx')
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('#calls-table tbody tr td:nth-child(3)')).every((td) =>
        td.textContent?.startsWith('4'),
      ),
    )
    expect(await page.locator('#calls-table tbody tr', { hasText: 'AdminUpdateUserAttributes' }).count()).toBe(1)
    await page.locator('#calls-status').selectOption('')
    await page.locator('#calls-operation').fill('SignUp')
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.locator('#calls-table tbody tr').first().filter({ hasText: 'SignUp' }).waitFor()
    expect(new Set(await page.locator('#calls-table tbody tr td:nth-child(2)').allTextContents())).toEqual(
      new Set(['SignUp']),
    )
    await page.locator('#calls-table tbody tr').first().getByRole('button').click()
    const detail = page.locator('#call-detail')
    await detail.getByText('"Password": "***"').waitFor()
    expect(await detail.textContent()).not.toContain('Correct-Horse-1')
    expect(await detail.textContent()).toContain('"UserConfirmed": false')
  })

  it('lists trigger invocations with their event and result', async () => {
    await view('triggers')
    const invocation = page.locator('#triggers-table tbody tr', { hasText: 'PreSignUp_SignUp' }).first()
    await invocation.waitFor()
    expect(await invocation.textContent()).toContain('preSignUp')
    await invocation.getByText('Event', { exact: true }).click()
    expect(await invocation.locator('pre').first().textContent()).toContain('"userPoolId": "eu-west-1_Console01"')
  })

  it("shows a pool's settings, with a link to its hosted login page that answers", async () => {
    await view('pools')
    const settings = page.locator('#pool-settings')
    await settings.getByText('Settings of shop').waitFor()
    for (const text of ['http://localhost:3000/callback', 'ALLOW_USER_PASSWORD_AUTH', 'admins', DOMAIN, 'preSignUp'])
      expect(await settings.textContent()).toContain(text)
    const href = await settings.getByRole('link', { name: 'Hosted login of web' }).getAttribute('href')
    expect(href).toBe(
      `/_domain/${DOMAIN}.auth.eu-west-1.amazoncognito.com/login?client_id=${CLIENT}&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback`,
    )
    const login = await context.newPage()
    try {
      expect((await login.goto(new URL(href!, server.url).href))?.status()).toBe(200)
      await login.locator('input[name="password"]').waitFor()
    } finally {
      await login.close()
    }
  })

  it('moves between views with the arrow keys', async () => {
    await view('users')
    await page.getByRole('tab', { name: 'Users' }).focus()
    await page.keyboard.press('ArrowRight')
    await page.locator('#view-messages:not([hidden])').waitFor()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-messages')
    await page.keyboard.press('Home')
    await page.locator('#view-pools:not([hidden])').waitFor()
  })

  it('downloads a snapshot, resets to an empty state (the fixtures again), and uploads the snapshot back', async () => {
    await view('state')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download snapshot' }).click(),
    ])
    const file = await download.path()
    await page.getByRole('button', { name: 'Reset' }).click()
    await page.locator('#state-result', { hasText: 'Reset' }).waitFor()
    await view('users')
    await row('joe@example.com').waitFor()
    expect(await page.locator('#users-table tbody tr').count()).toBe(1)
    await view('messages')
    await page.getByText('No messages sent yet.').waitFor()
    await view('calls')
    await page.getByText('No calls yet.').waitFor()
    await view('triggers')
    await page.getByText('No trigger invocations yet.').waitFor()

    await view('state')
    await page.locator('#snapshot-file').setInputFiles(file)
    await page.getByRole('button', { name: 'Upload snapshot' }).click()
    await page.locator('#state-result', { hasText: 'loaded' }).waitFor()
    await view('users')
    await row('jane@example.com').waitFor()
  })

  it("lets a page of another site use none of the console's routes nor frame the console, and keeps the state", async () => {
    const tab = await browser.newPage()
    try {
      await tab.goto(`http://evil.test:${app.port}/blank`)
      const outcomes = await tab.evaluate(async (base) => {
        const out: string[] = []
        const attempt = async (label: string, init: RequestInit, path: string) => {
          try {
            const response = await fetch(`${base}_cognito-idp-contract/${path}`, init)
            out.push(`${label} ${response.type === 'opaque' ? 'opaque' : response.status}`)
          } catch {
            out.push(`${label} blocked`)
          }
        }
        const header = { 'x-cognito-idp-contract': 'console' }
        const del = JSON.stringify({
          operation: 'AdminDeleteUser',
          input: { UserPoolId: 'eu-west-1_Console01', Username: 'joe@example.com' },
        })
        await attempt('users', {}, 'users?userPoolId=eu-west-1_Console01')
        await attempt('calls', { headers: header }, 'calls')
        await attempt(
          'send',
          { method: 'POST', headers: { ...header, 'content-type': 'application/json' }, body: del },
          'send',
        )
        await attempt('send simple', { method: 'POST', mode: 'no-cors', body: del }, 'send')
        out.push(
          await new Promise<string>((resolve) => {
            const source = new EventSource(`${base}_cognito-idp-contract/events`)
            source.onopen = () => resolve('events open')
            source.onerror = () => {
              source.close()
              resolve('events refused')
            }
          }),
        )
        return out
      }, server.url)
      expect(outcomes).toEqual([
        'users blocked',
        'calls blocked',
        'send blocked',
        'send simple opaque',
        'events refused',
      ])
      expect(await status('joe@example.com')).toBe('CONFIRMED')

      await tab.setContent(`<iframe src="${server.url}_cognito-idp-contract/"></iframe>`)
      const frame = tab.frames()[1]!
      await frame.waitForLoadState()
      expect(frame.url()).not.toContain('_cognito-idp-contract')
    } finally {
      await tab.close()
    }
  })
})
