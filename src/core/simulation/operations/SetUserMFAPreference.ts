import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { applyPreferences } from '../resources/mfa-preferences.js'

/** SetUserMFAPreference: the signed-in user turns MFA methods on or off and prefers one. */
export const SetUserMFAPreference = operation('SetUserMFAPreference', async (cx, input) => {
  const { user } = await signedIn(cx, input.AccessToken)
  cx.tables.users.put({ ...user, mfa: applyPreferences(cx, user, input) })
  return {}
})
