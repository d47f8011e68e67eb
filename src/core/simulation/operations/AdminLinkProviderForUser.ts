import { fail } from '../context.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { identitiesOf, withIdentities } from '../resources/links.js'
import { findPool } from '../resources/user-pools.js'
import { lookupUser } from '../resources/users.js'

/** How many identities a user may have linked (AWS's documentation: five). */
const MAX_LINKED = 5

/**
 * AdminLinkProviderForUser: an outside identity that has not signed in yet is linked to an existing user, who is then
 * who that identity signs in as. Seen from Cognito: a native user as the source is "Invalid SourceUser: Cognito
 * users with a username/password may not be passed in as a SourceUser, only as a DestinationUser"; a source that
 * already signed in is "Merging is not currently supported, provide a SourceUser that has not been signed up in
 * order to link".
 */
export const AdminLinkProviderForUser = operation('AdminLinkProviderForUser', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const { DestinationUser: to, SourceUser: from } = input
  if (from.ProviderName === 'Cognito' || from.ProviderName === undefined)
    throw invalidParameter(
      cx,
      'Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a DestinationUser',
    )
  const provider = cx.tables.providers.get(`${pool.pool.Id}/${from.ProviderName}`)
  // Chosen wording: no capture for a provider the pool lacks.
  if (!provider)
    throw invalidParameter(cx, `Identity provider ${from.ProviderName} does not exist in user pool ${pool.pool.Id}.`)
  const value = from.ProviderAttributeValue ?? ''
  if (lookupUser(cx, pool, `${provider.name}_${value}`))
    throw invalidParameter(
      cx,
      'Merging is not currently supported, provide a SourceUser that has not been signed up in order to link',
    )
  // Chosen: a destination that is not a Cognito user names its provider's federated user.
  const name =
    to.ProviderName === 'Cognito'
      ? (to.ProviderAttributeValue ?? '')
      : `${to.ProviderName}_${to.ProviderAttributeValue}`
  const user = lookupUser(cx, pool, name)
  if (!user) throw fail(cx, 'UserNotFoundException', 'User does not exist.')
  const entries = identitiesOf(user).filter((e) => !(e.providerName === provider.name && e.userId === value))
  if (entries.length >= MAX_LINKED)
    throw fail(cx, 'LimitExceededException', `A user can have at most ${MAX_LINKED} linked identities.`)
  cx.tables.users.put(
    withIdentities(user, [
      ...entries,
      {
        userId: value,
        providerName: provider.name,
        providerType: provider.type,
        issuer: null,
        primary: 'false',
        dateCreated: String(Math.floor(cx.now() * 1000)),
      },
    ]),
  )
  const key = `${pool.pool.Id}/${provider.name}\n${value}`
  if (cx.tables.links.has(key)) cx.tables.links.delete(key)
  cx.tables.links.insert({
    poolId: pool.pool.Id,
    provider: provider.name,
    attribute: from.ProviderAttributeName ?? 'Cognito_Subject',
    value,
    user: user.key,
  })
  return {}
})
