/** A local Cognito with a pool, a domain, a resource server, OAuth clients and a user, for the hosted endpoints' tests. */
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { type RunningCognitoServer, startCognitoServer } from '../../../../src/adapters/server/index.js'

export const CALLBACK = 'http://localhost:3000/callback'
export const SIGNED_OUT = 'http://localhost:3000/signed-out'

/** What a hosted-UI test works with. */
export interface HostedWorld {
  readonly server: RunningCognitoServer
  readonly sdk: CognitoIdentityProviderClient
  readonly poolId: string
  /** The domain's local base: `<server>/_domain/<domain>`. */
  readonly base: string
  readonly web: { readonly id: string; readonly secret: string }
  readonly machine: { readonly id: string; readonly secret: string }
}

/** Starts the world: pool `hosted`, domain `myapp`, resource server `api` (read, write), a web client, a machine client, jane. */
export async function hostedWorld(options: Parameters<typeof startCognitoServer>[0] = {}): Promise<HostedWorld> {
  const server = await startCognitoServer(options)
  const sdk = new CognitoIdentityProviderClient({
    endpoint: server.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  })
  const { UserPool } = await sdk.send(
    new CreateUserPoolCommand({ PoolName: 'hosted', AutoVerifiedAttributes: ['email'] }),
  )
  const poolId = UserPool!.Id!
  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'myapp' }))
  await sdk.send(
    new CreateResourceServerCommand({
      UserPoolId: poolId,
      Identifier: 'api',
      Name: 'API',
      Scopes: [
        { ScopeName: 'read', ScopeDescription: 'read' },
        { ScopeName: 'write', ScopeDescription: 'write' },
      ],
    }),
  )
  const web = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'web',
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile', 'api/read'],
      CallbackURLs: [CALLBACK],
      LogoutURLs: [SIGNED_OUT],
      SupportedIdentityProviders: ['COGNITO'],
    }),
  )
  const machine = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'machine',
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['api/read', 'api/write'],
    }),
  )
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: 'jane',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: 'jane@example.com' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Jane Doe' },
      ],
    }),
  )
  await sdk.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: poolId,
      Username: 'jane',
      Password: 'Correct-Horse-1',
      Permanent: true,
    }),
  )
  return {
    server,
    sdk,
    poolId,
    base: `${server.url}_domain/myapp`,
    web: { id: web.UserPoolClient!.ClientId!, secret: web.UserPoolClient!.ClientSecret! },
    machine: { id: machine.UserPoolClient!.ClientId!, secret: machine.UserPoolClient!.ClientSecret! },
  }
}

/** A browser without a window: follows nothing, keeps the hosted UI's cookies, and sends its forms' CSRF token. */
export class Browser {
  readonly jar = new Map<string, string>()

  /** The cookies it sends, as a Cookie header (undefined when it holds none). */
  get cookie(): string | undefined {
    return this.jar.size === 0 ? undefined : [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async get(url: string): Promise<Response> {
    const cookie = this.cookie
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} })
    this.keep(response)
    return response
  }

  /** Posts a form as the page's own form would: with the `_csrf` field that repeats the XSRF-TOKEN cookie. */
  async post(url: string, form: Record<string, string>): Promise<Response> {
    const cookie = this.cookie
    const token = this.jar.get('XSRF-TOKEN')
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams({ ...(token !== undefined && { _csrf: token }), ...form }),
    })
    this.keep(response)
    return response
  }

  /** Signs in on the login page an authorization URL leads to; resolves to the final redirect's Location. */
  async signIn(authorizeUrl: string, username: string, password: string): Promise<string> {
    const first = await this.get(authorizeUrl)
    const login = first.headers.get('location')!
    const page = await this.get(login)
    const action = /<form id="signin" method="post" action="([^"]+)"/
      .exec(await page.text())![1]!
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    const done = await this.post(action, { username, password })
    return done.headers.get('location')!
  }

  private keep(response: Response): void {
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';')
      const at = pair!.indexOf('=')
      const name = pair!.slice(0, at)
      if (/Max-Age=0/.test(set)) this.jar.delete(name)
      else this.jar.set(name, pair!.slice(at + 1))
    }
  }
}
