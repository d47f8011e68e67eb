import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { deliver } from '../flows/messages.js'
import { CODE_LIFETIME, newCode } from '../resources/codes.js'
import { recoveryTarget } from '../resources/delivery-targets.js'
import { findPool } from '../resources/user-pools.js'
import { changed, findUser } from '../resources/users.js'

/** AdminResetUserPassword: the password stops working (RESET_REQUIRED) and a reset code goes to a verified address. */
export const AdminResetUserPassword = operation('AdminResetUserPassword', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const user = findUser(cx, pool, input.Username)
  const target = recoveryTarget(pool, user)
  // Seen in Cognito's error texts (amplify-ui's dictionaries translate this message).
  if (!target)
    throw invalidParameter(
      cx,
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    )
  const code = newCode(cx, CODE_LIFETIME.forgotPassword, target.attribute)
  const next = cx.tables.users.put(
    changed(cx, pool, user, { status: 'RESET_REQUIRED', codes: { ...user.codes, forgotPassword: code } }),
  )
  deliver(cx, pool, next, 'ForgotPassword', { ...target, code: code.code })
  return {}
})
