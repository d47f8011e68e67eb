import { fail } from '../context.js'
import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { checkNewPassword, recordEventOf } from '../flows/threat-protection.js'
import { countAttempt } from '../resources/codes.js'
import { keyMatches, passwordKey } from '../resources/password-keys.js'
import { checkHistory, checkPassword, nextHistory, PASSWORD_PREFIX } from '../resources/passwords.js'
import { changed } from '../resources/users.js'

/** ChangePassword: the previous password (seen: "Incorrect username or password." when wrong) and a new one that fits the policy. */
export const ChangePassword = operation('ChangePassword', async (cx, input) => {
  const { pool, user: found } = await signedIn(cx, input.AccessToken)
  const user = countAttempt(cx, found, 'ChangePassword')
  if (
    user.passwordKey !== undefined &&
    (input.PreviousPassword === undefined || !keyMatches(user, user.passwordKey, input.PreviousPassword))
  )
    throw fail(cx, 'NotAuthorizedException', 'Incorrect username or password.')
  checkPassword(cx, pool, input.ProposedPassword, PASSWORD_PREFIX.change)
  checkHistory(cx, pool, user, input.ProposedPassword)
  const attempt = { pool, ip: cx.sourceIp }
  checkNewPassword(cx, attempt, user, input.ProposedPassword, 'PASSWORD_CHANGE')
  recordEventOf(cx, attempt, user, 'PasswordChange', input.ProposedPassword)
  cx.tables.users.put(
    changed(cx, pool, user, {
      passwordKey: passwordKey(user, input.ProposedPassword),
      history: nextHistory(pool, user),
    }),
  )
  return {}
})
