import { operation } from '../define.js'
import { checkScopes, describeResourceServer, findResourceServer } from '../resources/resource-servers.js'
import { findPool } from '../resources/user-pools.js'

/** UpdateResourceServer: a new name and scope list; members left out are reset (as UpdateUserPoolClient does: chosen). */
export const UpdateResourceServer = operation('UpdateResourceServer', (cx, input) => {
  findPool(cx, input.UserPoolId)
  const row = findResourceServer(cx, input.UserPoolId, input.Identifier)
  checkScopes(cx, input.Scopes ?? [])
  const updated = { ...row, name: input.Name, scopes: input.Scopes ?? [] }
  cx.tables.resourceServers.put(updated)
  return { ResourceServer: describeResourceServer(updated) }
})
