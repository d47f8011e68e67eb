import { operation } from '../define.js'
import { findDevice } from '../resources/devices.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminForgetDevice: an administrator removes a user's device. */
export const AdminForgetDevice = operation('AdminForgetDevice', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const device = findDevice(cx, findUser(cx, pool, input.Username), input.DeviceKey)
  cx.tables.devices.delete(`${device.poolId}/${device.key}`)
  return {}
})
