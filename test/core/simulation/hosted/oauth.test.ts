import { CognitoJwtVerifier } from 'aws-jwt-verify'
import * as client from 'openid-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Browser, CALLBACK, type HostedWorld, hostedWorld, SIGNED_OUT } from './support.js'

let world: HostedWorld
let config: client.Configuration
beforeAll(async () => {
  world = await hostedWorld()
  config = await client.discovery(
    new URL(`${world.server.url}${world.poolId}/.well-known/openid-configuration`),
    world.web.id,
    world.web.secret,
    undefined,
    { execute: [client.allowInsecureRequests] },
  )
})
afterAll(() => world.server.close())

async function jwks() {
  return (await (await fetch(`${world.server.url}${world.poolId}/.well-known/jwks.json`)).json()) as never
}

describe('openid-client against serve', () => {
  it('reads the discovery document: the issuer of the tokens, endpoints on the domain', () => {
    const metadata = config.serverMetadata()
    expect(metadata.issuer).toBe(`https://cognito-idp.eu-west-1.amazonaws.com/${world.poolId}`)
    expect(metadata.authorization_endpoint).toBe(`${world.base}/oauth2/authorize`)
    expect(metadata.token_endpoint).toBe(`${world.base}/oauth2/token`)
    expect(metadata.userinfo_endpoint).toBe(`${world.base}/oauth2/userInfo`)
    expect(metadata.scopes_supported).toEqual(['openid', 'email', 'phone', 'profile'])
  })

  it('signs in with the authorization code and PKCE, reads userinfo, refreshes and revokes', async () => {
    const verifier = client.randomPKCECodeVerifier()
    const state = client.randomState()
    const nonce = client.randomNonce()
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'openid email profile api/read',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    const browser = new Browser()
    const back = await browser.signIn(url.href, 'jane', 'Correct-Horse-1')
    expect(back).toMatch(new RegExp(`^${CALLBACK}\\?code=[0-9a-f-]{36}&state=${state}$`))
    const tokens = await client.authorizationCodeGrant(config, new URL(back), {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    })
    expect(tokens.token_type).toBe('bearer')
    const claims = tokens.claims()!
    expect(claims).toMatchObject({ nonce, email: 'jane@example.com', 'cognito:username': 'jane', aud: world.web.id })
    const access = CognitoJwtVerifier.create({
      userPoolId: world.poolId,
      tokenUse: 'access',
      clientId: world.web.id,
      scope: 'api/read',
    })
    access.cacheJwks(await jwks())
    const payload = await access.verify(tokens.access_token)
    expect(payload.scope!.split(' ').sort()).toEqual(['api/read', 'email', 'openid', 'profile'])
    expect(payload['version']).toBe(2)
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub)
    expect(info).toMatchObject({
      sub: claims.sub,
      email: 'jane@example.com',
      email_verified: 'true',
      name: 'Jane Doe',
      username: 'jane',
    })

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!)
    expect(refreshed.access_token).not.toBe(tokens.access_token)
    expect(refreshed.claims()!['auth_time']).toBe(claims['auth_time'])
    await client.tokenRevocation(config, tokens.refresh_token!)
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    })
    // Cognito's WWW-Authenticate has no scheme (AWS's documentation), so openid-client calls the answer non-conforming.
    const revoked = await fetch(`${world.base}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${refreshed.access_token}` },
    })
    expect(revoked.status).toBe(401)
    expect(revoked.headers.get('www-authenticate')).toBe(
      'error="invalid_token", error_description="Access token is expired, disabled, or deleted, or the user has globally signed out."',
    )
    await expect(client.fetchUserInfo(config, refreshed.access_token, claims.sub)).rejects.toThrow()
  })

  it('client_credentials with a resource server scope, accepted by aws-jwt-verify', async () => {
    const machine = await client.discovery(
      new URL(`${world.server.url}${world.poolId}/.well-known/openid-configuration`),
      world.machine.id,
      world.machine.secret,
      client.ClientSecretBasic(world.machine.secret),
      { execute: [client.allowInsecureRequests] },
    )
    const tokens = await client.clientCredentialsGrant(machine, { scope: 'api/write' })
    const verifier = CognitoJwtVerifier.create({
      userPoolId: world.poolId,
      tokenUse: 'access',
      clientId: world.machine.id,
      scope: 'api/write',
    })
    verifier.cacheJwks(await jwks())
    const payload = await verifier.verify(tokens.access_token)
    expect(payload).toMatchObject({
      sub: world.machine.id,
      client_id: world.machine.id,
      scope: 'api/write',
      token_use: 'access',
    })
    expect(Object.keys(payload).sort()).toEqual([
      'auth_time',
      'client_id',
      'exp',
      'iat',
      'iss',
      'jti',
      'scope',
      'sub',
      'token_use',
      'version',
    ])
    const all = await client.clientCredentialsGrant(machine)
    expect(JSON.parse(atob(all.access_token.split('.')[1]!)).scope).toBe('api/read api/write')
    await expect(client.clientCredentialsGrant(machine, { scope: 'api/admin' })).rejects.toMatchObject({
      error: 'invalid_scope',
    })
  })

  it('remembers the browser: a second authorization goes straight back; prompt=none without a session is login_required', async () => {
    const browser = new Browser()
    const params = {
      client_id: world.web.id,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid',
      state: 's1',
    }
    await browser.signIn(`${world.base}/oauth2/authorize?${new URLSearchParams(params)}`, 'jane', 'Correct-Horse-1')
    const again = await browser.get(`${world.base}/oauth2/authorize?${new URLSearchParams({ ...params, state: 's2' })}`)
    expect(again.headers.get('location')).toMatch(new RegExp(`^${CALLBACK}\\?code=.+&state=s2$`))
    const stranger = await new Browser().get(
      `${world.base}/oauth2/authorize?${new URLSearchParams({ ...params, prompt: 'none' })}`,
    )
    expect(stranger.headers.get('location')).toBe(`${CALLBACK}?state=s1&error=login_required`)
    const out = await browser.get(
      `${world.base}/logout?${new URLSearchParams({ client_id: world.web.id, logout_uri: SIGNED_OUT })}`,
    )
    expect(out.headers.get('location')).toBe(SIGNED_OUT)
    expect(browser.jar.get('cognito')).toBeUndefined()
  })
})

describe("Cognito's answers to bad OAuth requests", () => {
  const authorize = (params: Record<string, string>) =>
    new Browser()
      .get(`${world.base}/oauth2/authorize?${new URLSearchParams(params)}`)
      .then((r) => r.headers.get('location'))
  const tokenCall = (form: Record<string, string>, basic?: string) =>
    fetch(`${world.base}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(basic && { authorization: `Basic ${btoa(basic)}` }),
      },
      body: new URLSearchParams(form),
    }).then(async (r) => [r.status, await r.json()] as const)

  it('does not redirect to an unregistered URI, nor for an unknown client', async () => {
    expect(
      await authorize({ client_id: world.web.id, redirect_uri: 'https://evil.example/cb', response_type: 'code' }),
    ).toBe(`${world.base}/error?error=redirect_mismatch&client_id=${world.web.id}`)
    expect(await authorize({ client_id: 'nosuchclient', redirect_uri: CALLBACK, response_type: 'code' })).toBe(
      `${world.base}/error?error=invalid_request&client_id=nosuchclient`,
    )
    const page = await fetch(`${world.base}/error?error=redirect_mismatch`)
    expect(page.status).toBe(400)
    expect(await page.text()).toContain('An error was encountered with the requested page.')
  })

  it('sends the app invalid_request, unauthorized_client and invalid_scope', async () => {
    const base = { client_id: world.web.id, redirect_uri: CALLBACK, state: 'x' }
    expect(await authorize(base)).toBe(`${CALLBACK}?state=x&error=invalid_request`)
    expect(await authorize({ ...base, response_type: 'token' })).toBe(`${CALLBACK}#state=x&error=unauthorized_client`)
    expect(
      await authorize({ ...base, response_type: 'code', code_challenge: 'abc', code_challenge_method: 'plain' }),
    ).toBe(`${CALLBACK}?state=x&error=invalid_request`)
    expect(await authorize({ ...base, response_type: 'code', scope: 'phone' })).toBe(
      `${CALLBACK}?state=x&error=invalid_scope`,
    )
    expect(await authorize({ ...base, response_type: 'id_token' })).toBe(
      `${world.base}/error?error=invalid_request&client_id=${world.web.id}`,
    )
  })

  it('refuses a reused code, a wrong verifier, a wrong secret and unknown grants at the token endpoint', async () => {
    const verifier = client.randomPKCECodeVerifier()
    const browser = new Browser()
    const params = {
      client_id: world.web.id,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }
    const back = await browser.signIn(
      `${world.base}/oauth2/authorize?${new URLSearchParams(params)}`,
      'jane',
      'Correct-Horse-1',
    )
    const code = new URL(back).searchParams.get('code')!
    const auth = `${world.web.id}:${world.web.secret}`
    const exchange = { grant_type: 'authorization_code', code, redirect_uri: CALLBACK }
    expect(await tokenCall({ ...exchange, code_verifier: 'wrong'.repeat(10) }, auth)).toEqual([
      400,
      { error: 'invalid_grant' },
    ])
    expect(await tokenCall({ ...exchange, code_verifier: verifier }, auth)).toEqual([400, { error: 'invalid_grant' }])
    expect(await tokenCall({ ...exchange, code_verifier: verifier }, `${world.web.id}:nope`)).toEqual([
      400,
      { error: 'invalid_client' },
    ])
    expect(await tokenCall({ grant_type: 'password' }, auth)).toEqual([400, { error: 'unsupported_grant_type' }])
    expect(await tokenCall({ grant_type: 'client_credentials' }, auth)).toEqual([400, { error: 'unauthorized_client' }])
    const json = await fetch(`${world.base}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect([json.status, await json.json()]).toEqual([400, { error: 'invalid_request' }])
  })

  it("shows the sign-in page again with Cognito's message for a wrong password", async () => {
    const browser = new Browser()
    const params = { client_id: world.web.id, redirect_uri: CALLBACK, response_type: 'code' }
    const first = await browser.get(`${world.base}/oauth2/authorize?${new URLSearchParams(params)}`)
    const login = first.headers.get('location')!
    await browser.get(login)
    const wrong = await browser.post(login, { username: 'jane', password: 'nope' })
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toContain(
      '<p class="message" role="alert" id="message">Incorrect username or password.</p>',
    )
  })

  it("refuses a form post without the page's CSRF token, and sends no page into a frame", async () => {
    const browser = new Browser()
    const params = { client_id: world.web.id, redirect_uri: CALLBACK, response_type: 'code' }
    const login = (await browser.get(`${world.base}/oauth2/authorize?${new URLSearchParams(params)}`)).headers.get(
      'location',
    )!
    const page = await browser.get(login)
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect(page.headers.get('set-cookie')).toMatch(/^XSRF-TOKEN=[0-9a-f-]{36}; Path=\/; HttpOnly; SameSite=Lax/)
    const token = browser.jar.get('XSRF-TOKEN')!
    expect(await page.text()).toContain(`<input type="hidden" name="_csrf" value="${token}">`)
    // A page of another site can post the form, but cannot read the cookie to repeat it.
    const forged = await fetch(login, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `XSRF-TOKEN=${token}` },
      body: new URLSearchParams({ username: 'jane', password: 'Correct-Horse-1' }),
    })
    expect(forged.status).toBe(400)
    expect(await forged.text()).toContain('An error was encountered with the requested page.')
    const wrongToken = await fetch(login, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `XSRF-TOKEN=${token}` },
      body: new URLSearchParams({ _csrf: 'guessed', username: 'jane', password: 'Correct-Horse-1' }),
    })
    expect(wrongToken.status).toBe(400)
    expect((await browser.post(login, { username: 'jane', password: 'Correct-Horse-1' })).status).toBe(302)
  })

  it('answers malformed escapes in a path, a cookie or Basic credentials as a page or an OAuth error, never a 500', async () => {
    const malformedPath = await fetch(`${world.base.replace(/\/[^/]*$/, '')}/%E0%A4%A/login`, { redirect: 'manual' })
    expect(malformedPath.status).toBeLessThan(500)
    const browser = new Browser()
    const params = { client_id: world.web.id, redirect_uri: CALLBACK, response_type: 'code' }
    const authorize = `${world.base}/oauth2/authorize?${new URLSearchParams(params)}`
    const badCookie = await fetch(authorize, {
      redirect: 'manual',
      headers: { cookie: 'cognito=%E0%A4%A; XSRF-TOKEN=%' },
    })
    expect(badCookie.status).toBe(302)
    const basic = await fetch(`${world.base}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('%E0%A4%A:secret').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    })
    expect([basic.status, await basic.json()]).toEqual([400, { error: 'invalid_client' }])
    void browser
  })
})
