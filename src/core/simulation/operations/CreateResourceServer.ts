import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { checkScopes, describeResourceServer } from '../resources/resource-servers.js'
import { findPool } from '../resources/user-pools.js'

/** CreateResourceServer: an identifier unique in the pool and the scopes it defines. */
export const CreateResourceServer = operation('CreateResourceServer', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  // Chosen wording: no capture of Cognito's text for a taken identifier was found.
  if (cx.tables.resourceServers.has(`${pool.pool.Id}/${input.Identifier}`))
    throw invalidParameter(
      cx,
      `A resource server with identifier ${input.Identifier} already exists in this user pool.`,
    )
  checkScopes(cx, input.Scopes ?? [])
  const row = cx.tables.resourceServers.insert({
    poolId: pool.pool.Id,
    identifier: input.Identifier,
    name: input.Name,
    scopes: input.Scopes ?? [],
  })
  return { ResourceServer: describeResourceServer(row) }
})
