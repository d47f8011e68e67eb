import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { legacySmsMfa } from '../resources/mfa-options.js'

/** SetUserSettings: the signed-in user's legacy way to turn SMS MFA on (MFAOptions naming SMS) or off (none). */
export const SetUserSettings = operation('SetUserSettings', async (cx, input) => {
  const { user } = await signedIn(cx, input.AccessToken)
  cx.tables.users.put({ ...user, mfa: legacySmsMfa(cx, user, input.MFAOptions) })
  return {}
})
