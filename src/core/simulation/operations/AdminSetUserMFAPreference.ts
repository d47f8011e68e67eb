import { operation } from '../define.js'
import { applyPreferences } from '../resources/mfa-preferences.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminSetUserMFAPreference: an administrator sets a user's MFA methods and preference. */
export const AdminSetUserMFAPreference = operation('AdminSetUserMFAPreference', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const user = findUser(cx, pool, input.Username)
  cx.tables.users.put({ ...user, mfa: applyPreferences(cx, user, input) })
  return {}
})
