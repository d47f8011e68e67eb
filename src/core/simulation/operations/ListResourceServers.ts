import { operation } from '../define.js'
import { page } from '../paging.js'
import { describeResourceServer } from '../resources/resource-servers.js'
import { findPool } from '../resources/user-pools.js'

/** ListResourceServers answers this many when MaxResults is left out (chosen: the model's maximum). */
const DEFAULT_PAGE = 50

/** ListResourceServers: the pool's servers in creation order. */
export const ListResourceServers = operation('ListResourceServers', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const servers = cx.tables.resourceServers
  const { items, next } = page(
    cx,
    servers,
    (r) => `${r.poolId}/${r.identifier}`,
    servers.children(pool.pool.Id),
    input.MaxResults ?? DEFAULT_PAGE,
    input.NextToken,
  )
  const ResourceServers = items.map(describeResourceServer)
  return next ? { ResourceServers, NextToken: next } : { ResourceServers }
})
