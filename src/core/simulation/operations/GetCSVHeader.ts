import { operation } from '../define.js'
import { csvColumns } from '../resources/import-csv.js'
import { findPool } from '../resources/user-pools.js'

/** GetCSVHeader: the columns of a user import file for the pool (see csvColumns: the order Cognito gives them in). */
export const GetCSVHeader = operation('GetCSVHeader', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  return { UserPoolId: pool.pool.Id, CSVHeader: csvColumns(pool) }
})
