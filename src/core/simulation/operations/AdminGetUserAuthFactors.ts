import { operation } from '../define.js'
import { authFactors } from '../resources/auth-factors.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminGetUserAuthFactors: a user's MFA settings and sign-in factors. */
export const AdminGetUserAuthFactors = operation('AdminGetUserAuthFactors', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  return authFactors(cx, pool, findUser(cx, pool, input.Username))
})
