import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { identitiesOf, withIdentities } from '../resources/links.js'
import { findPool } from '../resources/user-pools.js'
import { lookupUser } from '../resources/users.js'

/**
 * AdminDisableProviderForUser: an outside identity no longer signs anyone in. Its links go (from the user's
 * `identities` too) and so does the user it made on its own (chosen: deleted, so its next sign-in starts afresh);
 * for `Cognito`, the native user can no longer sign in (seen: the API reference says it "can't use their password to
 * sign in"; chosen: by disabling it).
 */
export const AdminDisableProviderForUser = operation('AdminDisableProviderForUser', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const { ProviderName: provider, ProviderAttributeValue: value = '' } = input.User
  if (provider === undefined) throw invalidParameter(cx, 'User.ProviderName is required.')
  if (provider === 'Cognito') {
    const user = lookupUser(cx, pool, value)
    if (user) cx.tables.users.put({ ...user, enabled: false })
    return {}
  }
  const key = `${pool.pool.Id}/${provider}\n${value}`
  const link = cx.tables.links.get(key)
  if (link) {
    const user = cx.tables.users.get(`${pool.pool.Id}/${link.user}`)
    if (user)
      cx.tables.users.put(
        withIdentities(
          user,
          identitiesOf(user).filter((e) => !(e.providerName === provider && e.userId === value)),
        ),
      )
    cx.tables.links.delete(key)
  }
  const own = lookupUser(cx, pool, `${provider}_${value}`)
  if (own) cx.tables.users.delete(`${pool.pool.Id}/${own.key}`)
  return {}
})
