import { operation } from '../define.js'
import { signOutEverywhere } from '../resources/auth/sign-out.js'
import { signedInOnly } from '../resources/auth/signed-in.js'

/** GlobalSignOut: the user's refresh and access tokens stop working ("Access Token has been revoked"). */
export const GlobalSignOut = operation('GlobalSignOut', async (cx, input) => {
  const { user } = await signedInOnly(cx, input.AccessToken)
  signOutEverywhere(cx, user)
  return {}
})
