import { operation } from '../define.js'
import { applyPreferences } from '../resources/mfa-preferences.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'
import { setPasskeyMfa } from '../resources/webauthn-config.js'

/** AdminSetUserMFAPreference: an administrator sets a user's MFA methods (passkey MFA too) and preference. */
export const AdminSetUserMFAPreference = operation('AdminSetUserMFAPreference', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const user = findUser(cx, pool, input.Username)
  const mfa = applyPreferences(cx, user, input)
  cx.tables.users.put({ ...user, mfa })
  setPasskeyMfa(cx, user, input.WebAuthnMfaSettings, mfa)
  return {}
})
