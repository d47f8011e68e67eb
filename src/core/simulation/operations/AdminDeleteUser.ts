import { operation } from '../define.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminDeleteUser: the user is gone, with its group memberships. */
export const AdminDeleteUser = operation('AdminDeleteUser', (cx, input) => {
  const user = findUser(cx, findPool(cx, input.UserPoolId), input.Username)
  cx.tables.users.delete(`${user.poolId}/${user.key}`)
  return {}
})
