import { operation } from '../define.js'
import { signOutEverywhere } from '../flows/sign-in/sign-out.js'
import { signedInOnly } from '../flows/sign-in/signed-in.js'

/** GlobalSignOut: the user's refresh and access tokens stop working ("Access Token has been revoked"). */
export const GlobalSignOut = operation('GlobalSignOut', async (cx, input) => {
  const { user } = await signedInOnly(cx, input.AccessToken)
  signOutEverywhere(cx, user)
  return {}
})
