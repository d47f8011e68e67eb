import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { refuseWhileImporting } from '../resources/import-jobs.js'
import { findPool } from '../resources/user-pools.js'

/** DeleteUserPool: refused while deletion protection is on or a domain is configured (messages seen from the live service); takes everything in the pool with it. */
export const DeleteUserPool = operation('DeleteUserPool', (cx, input) => {
  const row = findPool(cx, input.UserPoolId)
  refuseWhileImporting(cx, row.pool.Id)
  if (row.pool.DeletionProtection === 'ACTIVE') {
    throw invalidParameter(
      cx,
      'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
    )
  }
  // Seen from Cognito (Terraform and aws-nuke reports).
  if ([...cx.tables.domains.children(row.pool.Id)].length > 0)
    throw invalidParameter(cx, 'User pool cannot be deleted. It has a domain configured that should be deleted first.')
  cx.tables.pools.delete(input.UserPoolId)
  return {}
})
