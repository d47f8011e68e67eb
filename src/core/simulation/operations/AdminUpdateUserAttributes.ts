import { operation } from '../define.js'
import { updateAttributes } from '../flows/attribute-updates.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminUpdateUserAttributes: an administrator sets attributes, developer-only and verification flags included. */
export const AdminUpdateUserAttributes = operation('AdminUpdateUserAttributes', async (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const user = findUser(cx, pool, input.Username)
  await updateAttributes(cx, pool, user, input.UserAttributes, 'admin', undefined, input.ClientMetadata)
  return {}
})
