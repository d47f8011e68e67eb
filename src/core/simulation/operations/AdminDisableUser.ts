import { operation } from '../define.js'
import { findPool } from '../resources/user-pools.js'
import { changed, findUser } from '../resources/users.js'

/** AdminDisableUser: the user can no longer sign in ("User is disabled."). */
export const AdminDisableUser = operation('AdminDisableUser', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  cx.tables.users.put(changed(cx, pool, findUser(cx, pool, input.Username), { enabled: false }))
  return {}
})
