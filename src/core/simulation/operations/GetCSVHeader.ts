import { operation } from '../define.js'
import { findPool } from '../resources/user-pools.js'

/**
 * GetCSVHeader: the columns of a user import file: the schema's attributes but `sub` and developer-only ones, then
 * `cognito:mfa_enabled` and `cognito:username` (AWS's documented sample response for a pool of standard attributes).
 */
export const GetCSVHeader = operation('GetCSVHeader', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const names = (pool.pool.SchemaAttributes ?? [])
    .map((a) => a.Name!)
    .filter((n) => n !== 'sub' && !n.startsWith('dev:'))
  return { UserPoolId: pool.pool.Id, CSVHeader: [...names, 'cognito:mfa_enabled', 'cognito:username'] }
})
