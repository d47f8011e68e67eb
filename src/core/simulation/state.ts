import type { IdentityProviderType, UserPoolClientType, UserPoolType } from '../../../generated/types.js'

/** An identity provider as the simulation keeps it: maps as Maps, so any key is plain data. */
export interface ProviderRecord {
  readonly name: string
  readonly type: string
  details: Map<string, string>
  mapping: Map<string, string>
  identifiers: string[]
  readonly created: number
  modified: number
  /** Creation order within the pool, for stable paging. */
  readonly seq: number
}

/** An app client as DescribeUserPoolClient returns it, timestamps aside. */
export interface ClientRecord {
  client: Omit<UserPoolClientType, 'CreationDate' | 'LastModifiedDate'>
  readonly created: number
  modified: number
  readonly seq: number
}

/** A user pool as the simulation keeps it. */
export interface PoolRecord {
  /** The pool as DescribeUserPool returns it, tags and timestamps aside. */
  pool: Omit<UserPoolType, 'UserPoolTags' | 'CreationDate' | 'LastModifiedDate'>
  tags: Map<string, string>
  providers: Map<string, ProviderRecord>
  clients: Map<string, ClientRecord>
  readonly created: number
  modified: number
  /** Creation order, for stable paging. */
  readonly seq: number
}

/** Everything the simulation knows. */
export interface State {
  pools: Map<string, PoolRecord>
}

/** A fresh, empty state. */
export function emptyState(): State {
  return { pools: new Map() }
}

/** The plain-JSON form of a provider (maps as entry lists, so `__proto__` keys survive). */
export interface ProviderSnapshot {
  readonly name: string
  readonly type: string
  readonly details: Array<[string, string]>
  readonly mapping: Array<[string, string]>
  readonly identifiers: string[]
  readonly created: number
  readonly modified: number
  readonly seq: number
}

/** The plain-JSON form of the whole state, as `snapshot()` returns it. */
export interface CognitoSnapshot {
  readonly version: 1
  readonly idCounter: number
  readonly pools: ReadonlyArray<{
    readonly pool: PoolRecord['pool']
    readonly tags: Array<[string, string]>
    readonly providers: ProviderSnapshot[]
    readonly clients?: ClientRecord[]
    readonly created: number
    readonly modified: number
    readonly seq: number
  }>
}

/** A deep plain-JSON copy. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** The state as plain JSON. */
export function toSnapshot(state: State, idCounter: number): CognitoSnapshot {
  return clone({
    version: 1 as const,
    idCounter,
    pools: [...state.pools.values()].map((p) => ({
      pool: p.pool,
      tags: [...p.tags],
      providers: [...p.providers.values()].map((r) => ({ ...r, details: [...r.details], mapping: [...r.mapping] })),
      clients: [...p.clients.values()],
      created: p.created,
      modified: p.modified,
      seq: p.seq,
    })),
  })
}

/** The state a snapshot describes. */
export function fromSnapshot(snapshot: CognitoSnapshot): State {
  const copy = clone(snapshot)
  const pools = new Map<string, PoolRecord>()
  for (const p of copy.pools) {
    const providers = new Map<string, ProviderRecord>()
    for (const r of p.providers) providers.set(r.name, { ...r, details: new Map(r.details), mapping: new Map(r.mapping), identifiers: [...r.identifiers] })
    const clients = new Map((p.clients ?? []).map((c) => [c.client.ClientId!, c]))
    pools.set(p.pool.Id!, { pool: p.pool, tags: new Map(p.tags), providers, clients, created: p.created, modified: p.modified, seq: p.seq })
  }
  return { pools }
}

/** A Map as a plain object whose keys are own data properties (even `__proto__`). */
export function plainObject(map: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries(map)
}

/** A plain object's own entries as a Map. */
export function toMap(record: Readonly<Record<string, string>> | undefined): Map<string, string> {
  return new Map(record ? Object.entries(record) : [])
}

/** Assembles the describe form of an identity provider. */
export function describeProvider(poolId: string, r: ProviderRecord, shown: Map<string, string>): IdentityProviderType {
  return {
    UserPoolId: poolId,
    ProviderName: r.name,
    ProviderType: r.type as IdentityProviderType['ProviderType'],
    ProviderDetails: plainObject(shown),
    AttributeMapping: plainObject(r.mapping),
    IdpIdentifiers: [...r.identifiers],
    LastModifiedDate: r.modified,
    CreationDate: r.created,
  }
}
