import type { Can } from '../context.js'
import type { LambdaErrors } from '../lambdas.js'
import type { ProviderRow } from '../resources/identity-providers.js'
import { linkedUser } from '../resources/links.js'
import { subjectClaim } from '../resources/social-accounts.js'
import { lookupUser, type UserRow } from '../resources/users.js'
import { postAuthentication, preAuthentication } from '../triggers/authentication.js'
import { postConfirmation, preSignUp } from '../triggers/sign-up.js'
import type { Site } from './types.js'

/** A claim as a user attribute's text. */
export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/**
 * Creates or updates the federated user `<Provider>_<sub>` (EXTERNAL_PROVIDER): the attributes AttributeMapping
 * names (rewritten at every sign-in, AWS's documentation), `identities`, and membership of the group
 * `<poolId>_<Provider>` Cognito creates for the provider (seen in real tokens).
 */
export async function federatedUser(
  site: Site,
  provider: ProviderRow,
  claims: Record<string, unknown>,
  clientId: string,
  issuer: string | null = null,
): Promise<UserRow> {
  const { pool } = site
  const cx = site.cx as Can<LambdaErrors>
  const env = { pool, clientId }
  const own = subjectClaim(provider.type)
  const subject = text(claims[provider.mapping['username'] ?? own]) ?? text(claims[own])
  // Chosen without evidence: an answer without the provider's subject is refused, worded as Cognito's bad attributes.
  if (subject === undefined) throw new Error(`Invalid user attributes: ${own}: Attribute is missing.`)
  const username = `${provider.name}_${subject}`
  const mapped: Array<[string, string]> = []
  for (const [attribute, claim] of Object.entries(provider.mapping)) {
    if (attribute === 'username' || attribute === 'sub') continue
    const value = text(claims[claim])
    if (value !== undefined) mapped.push([attribute, value])
  }
  const now = cx.now()
  // A linked identity signs in as the user it was linked to (AdminLinkProviderForUser), whose mapped attributes it
  // rewrites (chosen, as for a federated user's own).
  const linked = linkedUser(cx, pool.pool.Id, provider.name, subject, mapped)
  if (linked) {
    await preAuthentication(cx, env, linked, linked.username, false)
    const kept = linked.attributes.filter(([n]) => !mapped.some(([m]) => m === n))
    const user = cx.tables.users.put({ ...linked, attributes: [...kept, ...mapped], modified: now })
    await postAuthentication(cx, env, user, false)
    return user
  }
  const existing = lookupUser(cx, pool, username)
  // AWS's documentation: a federated user's first sign-in runs PreSignUp_ExternalProvider, then
  // PostConfirmation_ConfirmSignUp; later ones PreAuthentication and PostAuthentication.
  if (existing) await preAuthentication(cx, env, existing, username, false)
  else
    await preSignUp(cx, pool, {
      source: 'PreSignUp_ExternalProvider',
      userName: username,
      clientId,
      attributes: mapped,
    })
  const identities = JSON.stringify([
    {
      userId: subject,
      providerName: provider.name,
      providerType: provider.type,
      issuer,
      primary: 'true',
      dateCreated: String(Math.floor((existing?.created ?? now) * 1000)),
    },
  ])
  let user: UserRow
  if (existing) {
    const kept = existing.attributes.filter(([n]) => !mapped.some(([m]) => m === n) && n !== 'identities')
    user = cx.tables.users.put({
      ...existing,
      attributes: [...kept, ...mapped, ['identities', identities]],
      modified: now,
    })
  } else {
    const sub = cx.ids.uuid()
    user = cx.tables.users.insert({
      poolId: pool.pool.Id,
      username,
      key: username,
      sub,
      attributes: [['sub', sub], ...mapped, ['identities', identities]],
      status: 'EXTERNAL_PROVIDER',
      enabled: true,
      history: [],
      aliases: [],
      codes: {},
      pending: [],
      attempts: {},
      created: now,
      modified: now,
    })
  }
  const group = `${pool.pool.Id}_${provider.name}`
  if (!cx.tables.groups.has(`${pool.pool.Id}/${group}`))
    cx.tables.groups.insert({ poolId: pool.pool.Id, name: group, created: now, modified: now })
  const membership = `${pool.pool.Id}/${group}\n${user.key}`
  if (!cx.tables.memberships.has(membership))
    cx.tables.memberships.insert({ poolId: pool.pool.Id, group, user: user.key })
  if (existing) await postAuthentication(cx, env, user, false)
  else await postConfirmation(cx, pool, user, 'PostConfirmation_ConfirmSignUp', clientId, undefined)
  return user
}
