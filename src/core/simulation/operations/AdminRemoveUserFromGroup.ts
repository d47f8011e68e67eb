import { operation } from '../define.js'
import { findGroup } from '../resources/groups.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminRemoveUserFromGroup: the user leaves the group (a user not in it is left as it is). */
export const AdminRemoveUserFromGroup = operation('AdminRemoveUserFromGroup', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const group = findGroup(cx, pool.pool.Id, input.GroupName)
  const user = findUser(cx, pool, input.Username)
  cx.tables.memberships.delete(`${pool.pool.Id}/${group.name}\n${user.key}`)
  return {}
})
