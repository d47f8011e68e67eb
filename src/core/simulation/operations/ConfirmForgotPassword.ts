import { fail } from '../context.js'
import { operation } from '../define.js'
import { callAddress, checkNewPassword, recordEventOf } from '../flows/threat-protection.js'
import { checkSecretHash, publicClient } from '../resources/clients.js'
import { checkCode, countAttempt } from '../resources/codes.js'
import { CLIENT_USER_NOT_FOUND, hidesUsers } from '../resources/existence.js'
import { passwordKey } from '../resources/password-keys.js'
import { checkHistory, checkPassword, nextHistory, PASSWORD_PREFIX } from '../resources/passwords.js'
import { merged } from '../resources/user-attributes.js'
import { changed, lookupUser } from '../resources/users.js'
import { postConfirmation } from '../triggers/sign-up.js'

/** ConfirmForgotPassword: the reset code and a new password that fits the policy; the user is CONFIRMED again. */
export const ConfirmForgotPassword = operation('ConfirmForgotPassword', async (cx, input) => {
  const { client, pool } = publicClient(cx, input.ClientId)
  checkSecretHash(cx, client, input.Username, input.SecretHash)
  const found = lookupUser(cx, pool, input.Username)
  // Documented for PreventUserExistenceErrors: CodeMismatchException for users that do not exist or are disabled.
  if (hidesUsers(client) && !found?.enabled) {
    throw fail(cx, 'CodeMismatchException', 'Invalid verification code provided, please try again.')
  }
  if (!found) throw fail(cx, 'UserNotFoundException', CLIENT_USER_NOT_FOUND)
  const user = countAttempt(cx, found, 'ConfirmForgotPassword')
  const code = user.codes.forgotPassword
  checkCode(cx, code, input.ConfirmationCode)
  checkPassword(cx, pool, input.Password, PASSWORD_PREFIX.change)
  checkHistory(cx, pool, user, input.Password)
  const attempt = { pool, clientId: client.client.ClientId, ip: callAddress(cx, client, input.UserContextData, false) }
  checkNewPassword(cx, attempt, user, input.Password, 'PASSWORD_CHANGE')
  // Chosen without evidence: the request is the ForgotPassword event, the new password a PasswordChange.
  recordEventOf(cx, attempt, user, 'PasswordChange', input.Password)
  const { forgotPassword: _used, ...codes } = user.codes
  // A code that reached an address proves it: the address stays (or becomes) verified. UNCONFIRMED users stay so.
  const attributes = code?.attribute
    ? merged(user.attributes, [[`${code.attribute}_verified`, 'true']])
    : user.attributes
  const status = user.status === 'UNCONFIRMED' ? 'UNCONFIRMED' : 'CONFIRMED'
  const next = cx.tables.users.put(
    changed(cx, pool, user, {
      status,
      passwordKey: passwordKey(user, input.Password),
      history: nextHistory(pool, user),
      codes,
      attributes,
      temporaryExpires: undefined,
    }),
  )
  await postConfirmation(cx, pool, next, 'PostConfirmation_ConfirmForgotPassword', input.ClientId, input.ClientMetadata)
  return {}
})
