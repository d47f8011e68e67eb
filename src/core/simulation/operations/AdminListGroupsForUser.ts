import { operation } from '../define.js'
import { page } from '../paging.js'
import { describeGroup } from '../resources/groups.js'
import { findPool } from '../resources/user-pools.js'
import { findUser } from '../resources/users.js'

/** AdminListGroupsForUser answers this many when Limit is left out or 0 (chosen: the model's maximum). */
const DEFAULT_PAGE = 60

/** AdminListGroupsForUser: the user's groups in the order it joined them, Limit at a time. */
export const AdminListGroupsForUser = operation('AdminListGroupsForUser', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const user = findUser(cx, pool, input.Username)
  const memberships = cx.tables.memberships
  const mine = memberships.children(`${pool.pool.Id}/${user.key}`, 'users')
  const { items, next } = page(
    cx,
    memberships,
    (m) => `${m.poolId}/${m.group}\n${m.user}`,
    mine,
    input.Limit || DEFAULT_PAGE,
    input.NextToken,
  )
  const Groups = items.map((m) => describeGroup(cx.tables.groups.get(`${m.poolId}/${m.group}`)!))
  return next ? { Groups, NextToken: next } : { Groups }
})
