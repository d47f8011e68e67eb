import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { describeDevice, findDevice } from '../resources/devices.js'

/** GetDevice: one of the signed-in user's devices. */
export const GetDevice = operation('GetDevice', async (cx, input) => {
  const { user } = await signedIn(cx, input.AccessToken ?? '')
  return { Device: describeDevice(findDevice(cx, user, input.DeviceKey)) }
})
