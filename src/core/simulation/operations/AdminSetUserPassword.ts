import { operation } from '../define.js'
import { passwordKey } from '../resources/password-keys.js'
import { checkHistory, checkPassword, nextHistory, PASSWORD_PREFIX, temporaryExpiry } from '../resources/passwords.js'
import { findPool } from '../resources/user-pools.js'
import { changed, findUser } from '../resources/users.js'

/** AdminSetUserPassword: a permanent password confirms the user; a temporary one puts it in FORCE_CHANGE_PASSWORD. */
export const AdminSetUserPassword = operation('AdminSetUserPassword', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const user = findUser(cx, pool, input.Username)
  checkPassword(cx, pool, input.Password, PASSWORD_PREFIX.change)
  checkHistory(cx, pool, user, input.Password)
  const status = input.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD'
  const { forgotPassword: _used, ...codes } = user.codes
  cx.tables.users.put(
    changed(cx, pool, user, {
      status,
      passwordKey: passwordKey(user, input.Password),
      history: nextHistory(pool, user),
      temporaryExpires: input.Permanent ? undefined : temporaryExpiry(cx, pool),
      codes,
    }),
  )
  return {}
})
