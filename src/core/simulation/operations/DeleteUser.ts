import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'

/** DeleteUser: the signed-in user deletes its account, with its tokens, devices and memberships. */
export const DeleteUser = operation('DeleteUser', async (cx, input) => {
  const { user } = await signedIn(cx, input.AccessToken)
  cx.tables.users.delete(`${user.poolId}/${user.key}`)
  return {}
})
