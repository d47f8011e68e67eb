import { fail } from '../context.js'
import { operation } from '../define.js'
import { checkSecretHash, publicClient } from '../resources/clients.js'
import { checkCode, countAttempt } from '../resources/codes.js'
import { CLIENT_USER_NOT_FOUND, hidesUsers } from '../resources/existence.js'
import { merged } from '../resources/user-attributes.js'
import { changed, claimAliases, lookupUser } from '../resources/users.js'
import { postConfirmation } from '../triggers/sign-up.js'

/** ConfirmSignUp: the code sent at sign-up confirms the user and verifies the address it went to. */
export const ConfirmSignUp = operation('ConfirmSignUp', async (cx, input) => {
  const { client, pool } = publicClient(cx, input.ClientId)
  checkSecretHash(cx, client, input.Username, input.SecretHash)
  const found = lookupUser(cx, pool, input.Username)
  if (!found) {
    // Chosen: a client that hides users answers as for a wrong code (as Cognito documents for ConfirmForgotPassword).
    if (hidesUsers(client))
      throw fail(cx, 'CodeMismatchException', 'Invalid verification code provided, please try again.')
    throw fail(cx, 'UserNotFoundException', CLIENT_USER_NOT_FOUND)
  }
  const user = countAttempt(cx, found, 'ConfirmSignUp')
  // Seen from Cognito: "User cannot be confirmed. Current status is CONFIRMED".
  if (user.status !== 'UNCONFIRMED')
    throw fail(cx, 'NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`)
  const code = user.codes.signUp
  checkCode(cx, code, input.ConfirmationCode)
  const attributes = code?.attribute
    ? merged(user.attributes, [[`${code.attribute}_verified`, 'true']])
    : user.attributes
  const { signUp: _used, ...codes } = user.codes
  const confirmed = cx.tables.users.put(
    claimAliases(
      cx,
      pool,
      changed(cx, pool, user, { status: 'CONFIRMED', attributes, codes }),
      input.ForceAliasCreation === true,
    ),
  )
  await postConfirmation(cx, pool, confirmed, 'PostConfirmation_ConfirmSignUp', input.ClientId, input.ClientMetadata)
  return {}
})
