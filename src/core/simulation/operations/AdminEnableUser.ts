import { operation } from '../define.js'
import { findPool } from '../resources/user-pools.js'
import { changed, findUser } from '../resources/users.js'

/** AdminEnableUser: a disabled user can sign in again. */
export const AdminEnableUser = operation('AdminEnableUser', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  cx.tables.users.put(changed(cx, pool, findUser(cx, pool, input.Username), { enabled: true }))
  return {}
})
