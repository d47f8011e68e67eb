import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { listDevices } from '../resources/device-ops.js'

/** ListDevices: the signed-in user's confirmed devices, Limit at a time. */
export const ListDevices = operation('ListDevices', async (cx, input) => {
  const { user } = await signedIn(cx, input.AccessToken)
  return listDevices(cx, user, input.Limit, input.PaginationToken)
})
