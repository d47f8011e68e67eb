import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { findDevice } from '../resources/devices.js'

/** ForgetDevice: the device is gone; signing in from it is a new device again. */
export const ForgetDevice = operation('ForgetDevice', async (cx, input) => {
  const { user } = await signedIn(cx, input.AccessToken ?? '')
  const device = findDevice(cx, user, input.DeviceKey)
  cx.tables.devices.delete(`${device.poolId}/${device.key}`)
  return {}
})
