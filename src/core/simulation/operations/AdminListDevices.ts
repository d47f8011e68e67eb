import { operation } from '../define.js'
import { listDevices } from '../resources/device-ops.js'
import { findPool } from '../resources/user-pools.js'
import { findUserOrResource } from '../resources/users.js'

/** AdminListDevices: a user's confirmed devices, Limit at a time. */
export const AdminListDevices = operation('AdminListDevices', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  return listDevices(cx, findUserOrResource(cx, pool, input.Username), input.Limit, input.PaginationToken)
})
