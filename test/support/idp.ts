/** An outside OIDC provider for federation tests: oidc-provider on a free loopback port, its development login on. */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

/** A running provider: its issuer URL and how to stop it. */
export interface TestIdp {
  readonly issuer: string
  close(): void
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/**
 * Starts a provider with one client (`cognito` / `idp-secret`, client_secret_post, the code flow) whose redirect URI
 * is the domain's `/oauth2/idpresponse`; `claims(sub)` gives an account's claims (undefined: no such account).
 */
export async function startIdp(
  idpresponse: string,
  claims: (sub: string) => Record<string, unknown> | undefined,
): Promise<TestIdp> {
  const port = await freePort()
  const issuer = `http://127.0.0.1:${port}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'cognito',
        client_secret: 'idp-secret',
        redirect_uris: [idpresponse],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    findAccount: async (_ctx: unknown, sub: string) => {
      const found = claims(sub)
      return found ? { accountId: sub, claims: async () => ({ ...found, sub }) } : undefined
    },
  })
  const server: Server = provider.listen(port, '127.0.0.1')
  return { issuer, close: () => server.close() }
}
