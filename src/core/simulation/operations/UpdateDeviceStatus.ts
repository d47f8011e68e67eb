import { operation } from '../define.js'
import { setRemembered } from '../resources/auth/device-ops.js'
import { signedIn } from '../resources/auth/signed-in.js'

/** UpdateDeviceStatus: the signed-in user remembers a device (it then skips MFA) or forgets that it did. */
export const UpdateDeviceStatus = operation('UpdateDeviceStatus', async (cx, input) => {
  const { user } = await signedIn(cx, input.AccessToken)
  setRemembered(cx, user, input.DeviceKey, input.DeviceRememberedStatus)
  return {}
})
