import { operation } from '../define.js'
import { page } from '../paging.js'
import { replicaRegions } from '../resources/replicas.js'

/** ListUserPools: the caller's region's pools in creation order, MaxResults at a time. */
export const ListUserPools = operation('ListUserPools', (cx, input) => {
  const pools = cx.tables.pools
  const { items, next } = page(cx, pools, (r) => r.pool.Id, pools.all(), input.MaxResults, input.NextToken)
  const UserPools = items.map((r) => ({
    Id: r.pool.Id,
    Name: r.pool.Name,
    LambdaConfig: { ...r.pool.LambdaConfig },
    LastModifiedDate: r.modified,
    CreationDate: r.created,
    ...replicaRegions(cx, r.pool.Id),
  }))
  return next ? { UserPools, NextToken: next } : { UserPools }
})
