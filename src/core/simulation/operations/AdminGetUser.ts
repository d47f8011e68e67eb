import { operation } from '../define.js'
import { mfaSummary } from '../resources/mfa.js'
import { findPool } from '../resources/user-pools.js'
import { attributeList, findUser } from '../resources/users.js'

/** AdminGetUser: the user with its attributes, dates, state and status (MFA members absent when unset, as Cognito answers). */
export const AdminGetUser = operation('AdminGetUser', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const user = findUser(cx, pool, input.Username)
  return {
    Username: user.username,
    UserAttributes: attributeList(user),
    UserCreateDate: user.created,
    UserLastModifiedDate: user.modified,
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaSummary(pool, user),
  }
})
