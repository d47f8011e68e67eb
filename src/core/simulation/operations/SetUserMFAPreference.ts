import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { applyPreferences } from '../resources/mfa-preferences.js'
import { setPasskeyMfa } from '../resources/webauthn-config.js'

/** SetUserMFAPreference: the signed-in user turns MFA methods (passkey MFA too) on or off and prefers one. */
export const SetUserMFAPreference = operation('SetUserMFAPreference', async (cx, input) => {
  const { user } = await signedIn(cx, input.AccessToken)
  const mfa = applyPreferences(cx, user, input)
  cx.tables.users.put({ ...user, mfa })
  setPasskeyMfa(cx, user, input.WebAuthnMfaSettings, mfa)
  return {}
})
