import { operation } from '../define.js'
import { refuseWhileImporting } from '../resources/import-jobs.js'
import { withCustomAttributes } from '../resources/schema-attributes.js'
import { findPool } from '../resources/user-pools.js'

/** AddCustomAttributes: custom attributes join the pool's schema, checked as CreateUserPool checks them. */
export const AddCustomAttributes = operation('AddCustomAttributes', (cx, input) => {
  const row = findPool(cx, input.UserPoolId)
  refuseWhileImporting(cx, row.pool.Id)
  const SchemaAttributes = withCustomAttributes(cx, row.pool.SchemaAttributes ?? [], input.CustomAttributes)
  cx.tables.pools.put({ ...row, pool: { ...row.pool, SchemaAttributes }, modified: Math.max(cx.now(), row.modified) })
  return {}
})
