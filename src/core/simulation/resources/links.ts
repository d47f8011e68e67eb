import type { Can } from '../context.js'
import { table } from '../engine/table.js'
import type { UserRow } from './users.js'

/** A federated identity linked to an existing user (AdminLinkProviderForUser): signing in with it signs in as that user. */
export interface LinkRow {
  readonly poolId: string
  readonly provider: string
  /** `Cognito_Subject` (the provider's subject) or the pool attribute a claim is mapped to. */
  readonly attribute: string
  readonly value: string
  /** The destination user's key. */
  readonly user: string
}

/** Links, by pool, provider and value; they go with the user they point at. */
export const linksTable = table<LinkRow>({
  key: (row) => `${row.poolId}/${row.provider}\n${row.value}`,
  parent: { table: 'users', key: (row) => `${row.poolId}/${row.user}` },
})

/** One entry of the `identities` attribute, as real tokens carry it (`primary` and `dateCreated` as strings). */
export interface IdentityEntry {
  readonly userId: string
  readonly providerName: string
  readonly providerType: string
  readonly issuer: null
  readonly primary: string
  readonly dateCreated: string
}

/** A user's `identities`, parsed. */
export function identitiesOf(user: UserRow): IdentityEntry[] {
  const text = user.attributes.find(([n]) => n === 'identities')?.[1]
  if (!text) return []
  try {
    return JSON.parse(text) as IdentityEntry[]
  } catch {
    return []
  }
}

/** The user with its `identities` replaced. */
export function withIdentities(user: UserRow, entries: readonly IdentityEntry[]): UserRow {
  const others = user.attributes.filter(([n]) => n !== 'identities')
  return { ...user, attributes: entries.length ? [...others, ['identities', JSON.stringify(entries)]] : others }
}

/** The user a federated sign-in is linked to, if any: by subject, or by a mapped attribute's value. */
export function linkedUser(
  cx: Can<never>,
  poolId: string,
  provider: string,
  subject: string,
  mapped: ReadonlyArray<readonly [string, string]>,
): UserRow | undefined {
  const candidates = [subject, ...mapped.map(([, v]) => v)]
  for (const value of candidates) {
    const link = cx.tables.links.get(`${poolId}/${provider}\n${value}`)
    if (!link) continue
    const matches =
      link.attribute === 'Cognito_Subject'
        ? value === subject
        : mapped.some(([n, v]) => n === link.attribute && v === value)
    if (matches) return cx.tables.users.get(`${poolId}/${link.user}`)
  }
  return undefined
}
