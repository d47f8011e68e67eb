import { describe, expect, it } from 'vitest'
import { createCognitoMock } from '../../../../src/core/mock/mock.js'
import { createCognito } from '../../../../src/core/simulation/index.js'

const DOMAIN = 'https://clock.auth.us-east-1.amazoncognito.com'
const CALLBACK = 'https://app.example.com/cb'

/** A simulation on a clock the test moves, with a domain, a public OAuth client and a user. */
async function world(lambdas?: Parameters<typeof createCognito>[0]) {
  let now = Date.parse('2026-11-28T12:00:00Z')
  const simulation = createCognito({ clock: () => now, ...lambdas })
  const mock = createCognitoMock({ simulation })
  const pool = (
    await simulation.send('CreateUserPool', {
      PoolName: 'clock',
      ...(lambdas && { LambdaConfig: { PreTokenGeneration: 'arn:aws:lambda:us-east-1:123456789012:function:claims' } }),
    })
  ).UserPool!.Id!
  await simulation.send('CreateUserPoolDomain', { UserPoolId: pool, Domain: 'clock' })
  const client = (
    await simulation.send('CreateUserPoolClient', {
      UserPoolId: pool,
      ClientName: 'spa',
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: [CALLBACK],
      SupportedIdentityProviders: ['COGNITO'],
    })
  ).UserPoolClient!.ClientId!
  await simulation.send('AdminCreateUser', { UserPoolId: pool, Username: 'jane', MessageAction: 'SUPPRESS' })
  await simulation.send('AdminSetUserPassword', {
    UserPoolId: pool,
    Username: 'jane',
    Password: 'Correct-Horse-1',
    Permanent: true,
  })
  const get = (url: string, cookie?: string) =>
    mock.handle({ method: 'GET', url, headers: cookie ? { cookie } : {}, body: '' })
  // A browser's form post: the page's CSRF token in the cookie and in the `_csrf` field.
  const csrf = '00000000-0000-4000-8000-000000000000'
  const post = (url: string, form: Record<string, string>) =>
    mock.handle({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `XSRF-TOKEN=${csrf}` },
      body: new URLSearchParams({ _csrf: csrf, ...form }).toString(),
    })
  const query = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ client_id: client, redirect_uri: CALLBACK, response_type: 'code', scope: 'openid', ...extra })
  /** Signs jane in; resolves to the code and the session cookie. */
  const signIn = async () => {
    const done = await post(`${DOMAIN}/login?${query()}`, { username: 'jane', password: 'Correct-Horse-1' })
    return {
      code: new URL(done.headers['location']!).searchParams.get('code')!,
      cookie: done.headers['set-cookie']!.split(';')[0]!,
    }
  }
  const exchange = (code: string) =>
    post(`${DOMAIN}/oauth2/token`, {
      grant_type: 'authorization_code',
      client_id: client,
      code,
      redirect_uri: CALLBACK,
    })
  return { simulation, get, query, signIn, exchange, tick: (seconds: number) => (now += seconds * 1000) }
}

describe('the hosted endpoints keep time as Cognito does', () => {
  it('a code lasts five minutes', async () => {
    const w = await world()
    const fresh = await w.signIn()
    w.tick(299)
    expect((await w.exchange(fresh.code)).status).toBe(200)
    const stale = await w.signIn()
    w.tick(301)
    const refused = await w.exchange(stale.code)
    expect([refused.status, JSON.parse(refused.body)]).toEqual([400, { error: 'invalid_grant' }])
  })

  it('the browser stays signed in for an hour (chosen), then prompt=none is login_required', async () => {
    const w = await world()
    const { cookie } = await w.signIn()
    w.tick(3_599)
    const still = await w.get(`${DOMAIN}/oauth2/authorize?${w.query({ prompt: 'none', state: 'a' })}`, cookie)
    expect(still.headers['location']).toMatch(/^https:\/\/app\.example\.com\/cb\?code=.+&state=a$/)
    w.tick(2)
    const gone = await w.get(`${DOMAIN}/oauth2/authorize?${w.query({ prompt: 'none', state: 'b' })}`, cookie)
    expect(gone.headers['location']).toBe(`${CALLBACK}?state=b&error=login_required`)
  })

  it('pre token generation runs once per hosted sign-in, as TokenGeneration_HostedAuth', async () => {
    const w = await world({ lambdas: { claims: async (event: unknown) => event } })
    const { code } = await w.signIn()
    expect((await w.exchange(code)).status).toBe(200)
    expect(w.simulation.invocations({ trigger: 'PreTokenGeneration' }).map((i) => i.triggerSource)).toEqual([
      'TokenGeneration_HostedAuth',
    ])
  })

  it('a provider whose loopback issuer cannot be read is refused at CreateIdentityProvider', async () => {
    const w = await world()
    const pool = (await w.simulation.send('ListUserPools', { MaxResults: 1 })).UserPools![0]!.Id!
    await expect(
      w.simulation.send('CreateIdentityProvider', {
        UserPoolId: pool,
        ProviderName: 'Down',
        ProviderType: 'OIDC',
        ProviderDetails: {
          client_id: 'c',
          authorize_scopes: 'openid',
          attributes_request_method: 'GET',
          oidc_issuer: 'http://127.0.0.1:9',
        },
      }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringMatching(
        /^Unable to contact well-known endpoint http:\/\/127\.0\.0\.1:9\/\.well-known\/openid-configuration: /,
      ),
    })
  })
})
