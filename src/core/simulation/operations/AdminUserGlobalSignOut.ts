import { operation } from '../define.js'
import { signOutEverywhere } from '../flows/sign-in/sign-out.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminUserGlobalSignOut: an administrator signs a user out everywhere. */
export const AdminUserGlobalSignOut = operation('AdminUserGlobalSignOut', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  signOutEverywhere(cx, findUser(cx, pool, input.Username))
  return {}
})
