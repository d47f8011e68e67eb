import { operation } from '../define.js'
import { page } from '../paging.js'
import { describeGroup } from '../resources/groups.js'
import { findPool } from '../resources/user-pools.js'

/** ListGroups answers this many when Limit is left out or 0 (chosen: the model's maximum). */
const DEFAULT_PAGE = 60

/** ListGroups: the pool's groups in creation order, Limit at a time. */
export const ListGroups = operation('ListGroups', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const groups = cx.tables.groups
  const { items, next } = page(
    cx,
    groups,
    (g) => `${g.poolId}/${g.name}`,
    groups.children(pool.pool.Id),
    input.Limit || DEFAULT_PAGE,
    input.NextToken,
  )
  const Groups = items.map(describeGroup)
  return next ? { Groups, NextToken: next } : { Groups }
})
