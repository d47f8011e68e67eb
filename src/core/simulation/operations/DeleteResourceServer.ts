import { operation } from '../define.js'
import { findResourceServer } from '../resources/resource-servers.js'
import { findPool } from '../resources/user-pools.js'

/** DeleteResourceServer: the server goes; clients keep scope names that no longer exist (chosen: as stored). */
export const DeleteResourceServer = operation('DeleteResourceServer', (cx, input) => {
  findPool(cx, input.UserPoolId)
  const row = findResourceServer(cx, input.UserPoolId, input.Identifier)
  cx.tables.resourceServers.delete(`${row.poolId}/${row.identifier}`)
  return {}
})
