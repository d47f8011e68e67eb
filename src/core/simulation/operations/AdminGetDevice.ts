import { operation } from '../define.js'
import { describeDevice, findDevice } from '../resources/devices.js'
import { findPool } from '../resources/user-pools.js'
import { findUserOrResource } from '../resources/users.js'

/** AdminGetDevice: one of a user's devices. */
export const AdminGetDevice = operation('AdminGetDevice', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  return { Device: describeDevice(findDevice(cx, findUserOrResource(cx, pool, input.Username), input.DeviceKey)) }
})
