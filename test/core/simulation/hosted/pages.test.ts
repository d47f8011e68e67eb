import {
  AdminCreateUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AssociateSoftwareTokenCommand,
  InitiateAuthCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolClientCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BrowserlessSession } from '../../../../src/adapters/testing/browserless.js'
import { CALLBACK, type HostedWorld, hostedWorld } from './support.js'

let world: HostedWorld
beforeAll(async () => {
  world = await hostedWorld()
})
afterAll(() => world.server.close())

const authorizeUrl = () =>
  `${world.base}/oauth2/authorize?${new URLSearchParams({ client_id: world.web.id, redirect_uri: CALLBACK, response_type: 'code', scope: 'openid email' })}`
const lastCode = async (username: string) =>
  (
    (await (await fetch(`${world.server.url}_cognito-idp-contract/messages?username=${username}`)).json()) as Array<{
      code?: string
    }>
  ).at(-1)!.code!

describe('the hosted pages', () => {
  it('sign up, confirm with the emailed code, then sign in', async () => {
    const browser = new BrowserlessSession()
    const login = await browser.follow(authorizeUrl())
    expect(login.html).toContain('<form id="signin"')
    const signUpPage = await browser.follow(
      new URL(/id="signup" href="([^"]+)"/.exec(login.html)![1]!.replace(/&#38;/g, '&'), login.url).href,
    )
    const confirm = await browser.submit(signUpPage, {
      username: 'sam',
      email: 'sam@example.com',
      password: 'Correct-Horse-2',
    })
    expect(confirm.html).toContain('Confirm your account')
    const again = await browser.submit(confirm, { code: await lastCode('sam') })
    expect(again.html).toContain('Your account is confirmed. Sign in.')
    const back = await browser.submit(
      again,
      { username: 'sam', password: 'Correct-Horse-2' },
      { form: 'signin', stopAt: CALLBACK },
    )
    expect(back.url).toMatch(new RegExp(`^${CALLBACK}\\?code=`))
  })

  it('a temporary password leads to the new-password page, then back to the app', async () => {
    await world.sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: world.poolId,
        Username: 'tim',
        TemporaryPassword: 'Temp-Pass-123',
        MessageAction: 'SUPPRESS',
      }),
    )
    const browser = new BrowserlessSession()
    const login = await browser.follow(authorizeUrl())
    const change = await browser.submit(login, { username: 'tim', password: 'Temp-Pass-123' }, { form: 'signin' })
    expect(change.html).toContain('Change password')
    const back = await browser.submit(change, { new_password: 'Brand-New-Pass-1' }, { stopAt: CALLBACK })
    expect(back.url).toMatch(new RegExp(`^${CALLBACK}\\?code=`))
  })

  it('an authenticator app code is asked for when the user has TOTP MFA; a wrong one shows the page again', async () => {
    await world.sdk.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: world.poolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    )
    await world.sdk.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: world.poolId,
        ClientId: world.web.id,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile', 'api/read'],
        CallbackURLs: [CALLBACK],
        SupportedIdentityProviders: ['COGNITO'],
      }),
    )
    const { createHmac } = await import('node:crypto')
    const hash = (u: string) => createHmac('sha256', world.web.secret).update(`${u}${world.web.id}`).digest('base64')
    const signedIn = await world.sdk.send(
      new InitiateAuthCommand({
        ClientId: world.web.id,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1', SECRET_HASH: hash('jane') },
      }),
    )
    const AccessToken = signedIn.AuthenticationResult!.AccessToken!
    const { SecretCode } = await world.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }))
    const totp = new TOTP({ secret: SecretCode! })
    await world.sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp.generate() }))
    await world.sdk.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: world.poolId,
        Username: 'jane',
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    )
    const browser = new BrowserlessSession()
    const login = await browser.follow(authorizeUrl())
    const mfa = await browser.submit(login, { username: 'jane', password: 'Correct-Horse-1' }, { form: 'signin' })
    expect(mfa.html).toContain('Enter the code from your authenticator app')
    const wrong = await browser.submit(mfa, { code: '000000' })
    expect(wrong.status).toBe(400)
    expect(wrong.html).toContain('id="message"')
    const again = await browser.follow(authorizeUrl())
    const mfa2 = await browser.submit(again, { username: 'jane', password: 'Correct-Horse-1' }, { form: 'signin' })
    const back = await browser.submit(
      mfa2,
      { code: totp.generate({ timestamp: Date.now() + 30_000 }) },
      { stopAt: CALLBACK },
    )
    expect(back.url).toMatch(new RegExp(`^${CALLBACK}\\?code=`))
  })

  it('forgot password: a code, a new password, then sign in with it', async () => {
    const browser = new BrowserlessSession()
    const login = await browser.follow(authorizeUrl())
    const ask = await browser.follow(
      new URL(/id="forgot" href="([^"]+)"/.exec(login.html)![1]!.replace(/&#38;/g, '&'), login.url).href,
    )
    const reset = await browser.submit(ask, { username: 'sam' })
    expect(reset.html).toContain('Reset your password')
    const done = await browser.submit(reset, { code: await lastCode('sam'), password: 'Another-Pass-3' })
    expect(done.html).toContain('Your password was reset. Sign in.')
    const back = await browser.submit(
      done,
      { username: 'sam', password: 'Another-Pass-3' },
      { form: 'signin', stopAt: CALLBACK },
    )
    expect(back.url).toMatch(new RegExp(`^${CALLBACK}\\?code=`))
  })
})
