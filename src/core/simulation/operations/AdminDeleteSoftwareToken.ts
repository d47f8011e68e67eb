import { operation } from '../define.js'
import { settingsOf } from '../resources/mfa.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminDeleteSoftwareToken: the user's software token is gone, and with it TOTP MFA and any preference for it. */
export const AdminDeleteSoftwareToken = operation('AdminDeleteSoftwareToken', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const user = findUser(cx, pool, input.Username)
  const s = settingsOf(user)
  cx.tables.users.put({
    ...user,
    mfa: {
      ...s,
      totp: false,
      totpSecret: undefined,
      totpPending: undefined,
      totpLastStep: undefined,
      preferred: s.preferred === 'SOFTWARE_TOKEN_MFA' ? undefined : s.preferred,
    },
  })
  return {}
})
