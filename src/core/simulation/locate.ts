import { decodeJwt } from '../shared/jwt.js'
import { type ReplicaRow, replicaKey } from './resources/replicas.js'
import type { Store } from './schema.js'

/** What the simulation learns about a call besides its input: where it was sent and by whom. */
export interface CallInfo {
  /** The region the call reached: the endpoint's host, else the SigV4 credential scope, if either names one. */
  readonly region?: string | undefined
  /** The account of the caller's credentials, if known. */
  readonly account?: string | undefined
  /** The address the request came from, if the adapter knows it (threat protection's IP address). */
  readonly sourceIp?: string | undefined
  /** The URL the request was sent to, if the adapter knows it: a call to a local endpoint gives out URLs of that endpoint. */
  readonly url?: string | undefined
}

const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/
/** Cognito's own API hosts (standard, FIPS, dual-stack, China). */
const API_HOST = /^cognito-idp(?:-fips)?\.[a-z0-9-]+\.(?:amazonaws\.com(?:\.cn)?|api\.aws)$/

/** The origin of a call sent to a local endpoint (`serve`, an MSW endpoint the caller named); none for AWS's own. */
export function localEndpoint(url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  try {
    const parsed = new URL(url)
    return API_HOST.test(parsed.hostname) ? undefined : parsed.origin
  } catch {
    return undefined
  }
}

/** The region a pool id names (`eu-west-1_AbC123` names `eu-west-1`). */
export function regionOfPoolId(id: unknown): string | undefined {
  if (typeof id !== 'string') return undefined
  const prefix = id.slice(0, id.indexOf('_'))
  return REGION.test(prefix) ? prefix : undefined
}

/**
 * The region of a call that names none (a local endpoint called without a SigV4 signature, or a direct
 * `send`): the region of the pool it names, else of the access token's issuer, else of the app client it names
 * in any region of the account.
 * Chosen: real Cognito always knows the region from its endpoint; this makes unsigned local calls work.
 */
export function regionHint(
  store: Store,
  account: string,
  input: Readonly<Record<string, unknown>>,
): string | undefined {
  const fromPool = regionOfPoolId(input['UserPoolId'])
  if (fromPool) return fromPool
  const token = input['AccessToken']
  if (typeof token === 'string') {
    const iss = decodeJwt(token)?.payload['iss']
    const match = typeof iss === 'string' ? /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\//.exec(iss) : null
    if (match) return match[1]
  }
  const clientId = input['ClientId']
  if (typeof clientId === 'string') {
    for (const partition of store.occupied())
      if (partition.account === account && partition.tables.clients.has(clientId)) return partition.region
  }
  return undefined
}

/** The replica a call reaches: the secondary's row and the primary's Region. */
export interface ReplicaRoute {
  readonly replica: ReplicaRow
  readonly primaryRegion: string
}

const ISSUER_POOL = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/

/**
 * The secondary Region a call reaches, when the partition of its region does not hold the pool it names but a pool of
 * the account has a replica in that region. The pool is named by UserPoolId, else by ClientId (the app client's
 * pool), else by the access token's issuer. Undefined for every other call: a map lookup or two when the region holds
 * what the call names, a look at the account's partitions otherwise, and the token read only when one of them has a
 * replica in this region (reading it costs about a quarter of a GetUser call; the look, under a microsecond).
 */
export function replicaRoute(
  store: Store,
  account: string,
  region: string,
  input: Readonly<Record<string, unknown>>,
): ReplicaRoute | undefined {
  const tables = store.partition(account, region).tables
  const named = input['UserPoolId']
  const clientId = typeof named === 'string' ? undefined : input['ClientId']
  const token = named === undefined && clientId === undefined ? input['AccessToken'] : undefined
  if (
    typeof named === 'string'
      ? tables.pools.has(named)
      : typeof clientId === 'string'
        ? tables.clients.has(clientId)
        : typeof token !== 'string'
  )
    return undefined
  const primaries = store
    .occupied()
    .filter(
      (p) =>
        p.account === account &&
        p.region !== region &&
        p.tables.replicas.size > 0 &&
        p.tables.replicas.all().some((r) => r.region === region),
    )
  if (primaries.length === 0) return undefined
  let poolId = typeof named === 'string' ? named : undefined
  if (typeof token === 'string') {
    const iss = decodeJwt(token)?.payload['iss']
    poolId = typeof iss === 'string' ? ISSUER_POOL.exec(iss)?.[1] : undefined
    if (poolId === undefined || tables.pools.has(poolId)) return undefined
  }
  for (const partition of primaries) {
    const id = poolId ?? partition.tables.clients.get(clientId as string)?.client.UserPoolId
    const replica = id === undefined ? undefined : partition.tables.replicas.get(replicaKey(id, region))
    if (replica) return { replica, primaryRegion: partition.region }
  }
  return undefined
}
