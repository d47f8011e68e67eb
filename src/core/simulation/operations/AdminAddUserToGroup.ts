import { operation } from '../define.js'
import { findGroup } from '../resources/groups.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminAddUserToGroup: the user joins the group (joining twice changes nothing). */
export const AdminAddUserToGroup = operation('AdminAddUserToGroup', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const group = findGroup(cx, pool.pool.Id, input.GroupName)
  const user = findUser(cx, pool, input.Username)
  const row = { poolId: pool.pool.Id, group: group.name, user: user.key }
  if (!cx.tables.memberships.has(`${row.poolId}/${row.group}\n${row.user}`)) cx.tables.memberships.insert(row)
  return {}
})
