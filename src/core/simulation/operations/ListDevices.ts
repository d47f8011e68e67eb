import { operation } from '../define.js'
import { listDevices } from '../resources/auth/device-ops.js'
import { signedIn } from '../resources/auth/signed-in.js'

/** ListDevices: the signed-in user's confirmed devices, Limit at a time. */
export const ListDevices = operation('ListDevices', async (cx, input) => {
  const { user } = await signedIn(cx, input.AccessToken)
  return listDevices(cx, user, input.Limit, input.PaginationToken)
})
