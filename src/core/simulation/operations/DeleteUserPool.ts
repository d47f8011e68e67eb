import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { findPool } from '../resources/user-pools.js'

/** DeleteUserPool: refused while deletion protection is on (message seen from the live service); takes everything in the pool with it. */
export const DeleteUserPool = operation('DeleteUserPool', (cx, input) => {
  const row = findPool(cx, input.UserPoolId)
  if (row.pool.DeletionProtection === 'ACTIVE') {
    throw invalidParameter(
      cx,
      'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
    )
  }
  cx.tables.pools.delete(input.UserPoolId)
  return {}
})
