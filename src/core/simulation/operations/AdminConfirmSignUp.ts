import { fail } from '../context.js'
import { operation } from '../define.js'
import { findPool } from '../resources/user-pools.js'
import { changed, findUser } from '../resources/users.js'
import { postConfirmation } from '../triggers/sign-up.js'

/** AdminConfirmSignUp: confirms an UNCONFIRMED user without a code; no address becomes verified. */
export const AdminConfirmSignUp = operation('AdminConfirmSignUp', async (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const user = findUser(cx, pool, input.Username)
  // Seen from Cognito (ConfirmSignUp's wording for a user that is not UNCONFIRMED).
  if (user.status !== 'UNCONFIRMED')
    throw fail(cx, 'NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`)
  const { signUp: _unused, ...codes } = user.codes
  // Chosen: an alias another user already holds stays theirs (AdminConfirmSignUp does not model AliasExistsException).
  const confirmed = cx.tables.users.put(changed(cx, pool, user, { status: 'CONFIRMED', codes }))
  await postConfirmation(cx, pool, confirmed, 'PostConfirmation_ConfirmSignUp', undefined, input.ClientMetadata)
  return {}
})
