import { operation } from '../define.js'
import { findGroup } from '../resources/groups.js'
import { findPool } from '../resources/user-pools.js'

/** DeleteGroup: the group is gone, and no user is in it any more. */
export const DeleteGroup = operation('DeleteGroup', (cx, input) => {
  const row = findGroup(cx, findPool(cx, input.UserPoolId).pool.Id, input.GroupName)
  cx.tables.groups.delete(`${row.poolId}/${row.name}`)
  return {}
})
