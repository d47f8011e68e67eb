import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { checkScopes, describeResourceServer } from '../resources/resource-servers.js'
import { findPool } from '../resources/user-pools.js'

/** CreateResourceServer: an identifier unique in the pool and the scopes it defines. */
export const CreateResourceServer = operation('CreateResourceServer', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  // Seen (Medium, one third-party reproduction of botocore's text): "<poolId> already has identifier <identifier>"
  // (find_string "CreateResourceServer operation:").
  if (cx.tables.resourceServers.has(`${pool.pool.Id}/${input.Identifier}`))
    throw invalidParameter(cx, `${pool.pool.Id} already has identifier ${input.Identifier}`)
  checkScopes(cx, input.Scopes ?? [])
  const row = cx.tables.resourceServers.insert({
    poolId: pool.pool.Id,
    identifier: input.Identifier,
    name: input.Name,
    scopes: input.Scopes ?? [],
  })
  return { ResourceServer: describeResourceServer(row) }
})
