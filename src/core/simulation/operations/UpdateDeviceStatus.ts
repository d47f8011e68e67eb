import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { setRemembered } from '../resources/device-ops.js'

/** UpdateDeviceStatus: the signed-in user remembers a device (it then skips MFA) or forgets that it did. */
export const UpdateDeviceStatus = operation('UpdateDeviceStatus', async (cx, input) => {
  const { user } = await signedIn(cx, input.AccessToken)
  setRemembered(cx, user, input.DeviceKey, input.DeviceRememberedStatus)
  return {}
})
