import { operation } from '../define.js'
import { deleteAttributes } from '../resources/user-attributes.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminDeleteUserAttributes: removes attributes the schema does not require. */
export const AdminDeleteUserAttributes = operation('AdminDeleteUserAttributes', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  cx.tables.users.put(deleteAttributes(cx, pool, findUser(cx, pool, input.Username), input.UserAttributeNames))
  return {}
})
