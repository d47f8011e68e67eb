import { operation } from '../define.js'
import { legacySmsMfa } from '../resources/mfa-options.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminSetUserSettings: the legacy way to turn a user's SMS MFA on (MFAOptions naming SMS) or off (none). */
export const AdminSetUserSettings = operation('AdminSetUserSettings', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const user = findUser(cx, pool, input.Username)
  cx.tables.users.put({ ...user, mfa: legacySmsMfa(cx, user, input.MFAOptions) })
  return {}
})
