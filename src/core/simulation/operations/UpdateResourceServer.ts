import { operation } from '../define.js'
import { checkScopes, describeResourceServer, findResourceServer } from '../resources/resource-servers.js'
import { findPool } from '../resources/user-pools.js'

/**
 * UpdateResourceServer: a new name and scope list; members left out are reset (seen: its API reference, "If you don't
 * provide a value for an attribute, it is set to the default value.").
 */
export const UpdateResourceServer = operation('UpdateResourceServer', (cx, input) => {
  findPool(cx, input.UserPoolId)
  const row = findResourceServer(cx, input.UserPoolId, input.Identifier)
  checkScopes(cx, input.Scopes ?? [])
  const updated = { ...row, name: input.Name, scopes: input.Scopes ?? [] }
  cx.tables.resourceServers.put(updated)
  return { ResourceServer: describeResourceServer(updated) }
})
