import { operation } from '../define.js'
import { setRemembered } from '../resources/device-ops.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminUpdateDeviceStatus: an administrator remembers or forgets a user's device. */
export const AdminUpdateDeviceStatus = operation('AdminUpdateDeviceStatus', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  setRemembered(cx, findUser(cx, pool, input.Username), input.DeviceKey, input.DeviceRememberedStatus)
  return {}
})
