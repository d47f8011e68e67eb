import type { UserPoolClientType } from '../../../../generated/types.js'
import { REDACTED } from '../../../core/mock/redact.js'
import type { Cognito } from '../../../core/simulation/index.js'

/** Where a console request points: an account and, when it names one, a region. */
export interface Place {
  readonly account: string
  readonly region?: string | undefined
}

/** Every page of a list, through its token (`NextToken`), at most `max` items (chosen: a console shows no more). */
async function all<T>(page: (token: string | undefined) => Promise<{ items: T[]; next?: string | undefined }>) {
  const out: T[] = []
  let token: string | undefined
  do {
    const got = await page(token)
    out.push(...got.items)
    token = got.next
  } while (token && out.length < 1_000)
  return out
}

/** Every pool of every account and region the simulation holds, through ListUserPools in each. */
export async function listPools(simulation: Cognito) {
  // The places (account, region) that hold a pool; the pools themselves come from the API.
  const pools = []
  for (const { account, region } of simulation.places()) {
    const listed = await all(async (NextToken) => {
      const page = await simulation.send('ListUserPools', { MaxResults: 60, NextToken }, { account, region })
      return { items: page.UserPools ?? [], next: page.NextToken }
    })
    for (const p of listed)
      pools.push({ accountId: account, region, Id: p.Id!, Name: p.Name!, CreationDate: p.CreationDate })
  }
  return { pools }
}

/** The hosted login page of a client, at this server's local path of the pool's domain, when the client has one. */
function hostedLogin(domain: string | undefined, region: string, client: UserPoolClientType): string | undefined {
  const redirect = client.CallbackURLs?.[0]
  if (!domain || !redirect || !client.AllowedOAuthFlowsUserPoolClient) return undefined
  const host = domain.includes('.') ? domain : `${domain}.auth.${region}.amazoncognito.com`
  const type = client.AllowedOAuthFlows?.includes('code') ? 'code' : 'token'
  const query = new URLSearchParams({ client_id: client.ClientId!, response_type: type, redirect_uri: redirect })
  return `/_domain/${host}/login?${query}`
}

/** A pool's settings: the pool, its MFA, clients (secrets masked), domain, identity providers and groups. */
export async function describePool(simulation: Cognito, UserPoolId: string, place: Place) {
  const call = { account: place.account, region: place.region }
  const { UserPool } = await simulation.send('DescribeUserPool', { UserPoolId }, call)
  const region = simulation.regionOf({ UserPoolId }, call)
  const mfa = await simulation.send('GetUserPoolMfaConfig', { UserPoolId }, call).catch(() => undefined)
  const listed = await all(async (NextToken) => {
    const page = await simulation.send('ListUserPoolClients', { UserPoolId, MaxResults: 60, NextToken }, call)
    return { items: page.UserPoolClients ?? [], next: page.NextToken }
  })
  const domainName = UserPool?.CustomDomain ?? UserPool?.Domain
  const clients = []
  for (const c of listed) {
    const { UserPoolClient } = await simulation.send(
      'DescribeUserPoolClient',
      { UserPoolId, ClientId: c.ClientId! },
      call,
    )
    const client = UserPoolClient ?? {}
    clients.push({
      ...client,
      ...(client.ClientSecret !== undefined && { ClientSecret: REDACTED }),
      hostedLogin: hostedLogin(domainName, region, client),
    })
  }
  const providers = await all(async (NextToken) => {
    const page = await simulation.send('ListIdentityProviders', { UserPoolId, MaxResults: 60, NextToken }, call)
    return { items: page.Providers ?? [], next: page.NextToken }
  })
  const groups = await all(async (NextToken) => {
    const page = await simulation.send('ListGroups', { UserPoolId, Limit: 60, NextToken }, call)
    return { items: page.Groups ?? [], next: page.NextToken }
  })
  const domain = domainName
    ? (await simulation.send('DescribeUserPoolDomain', { Domain: domainName }, { ...call, region })).DomainDescription
    : undefined
  return { accountId: place.account, region, pool: UserPool, mfa: mfa ?? {}, clients, providers, groups, domain }
}
