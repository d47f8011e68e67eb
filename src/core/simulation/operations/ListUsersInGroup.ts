import { operation } from '../define.js'
import { page } from '../paging.js'
import { findGroup } from '../resources/groups.js'
import { findPool } from '../resources/user-pools.js'
import { describeUser } from '../resources/users.js'

/** ListUsersInGroup answers this many when Limit is left out or 0 (chosen: the model's maximum). */
const DEFAULT_PAGE = 60

/** ListUsersInGroup: the group's users in the order they joined it, Limit at a time. */
export const ListUsersInGroup = operation('ListUsersInGroup', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const group = findGroup(cx, pool.pool.Id, input.GroupName)
  const memberships = cx.tables.memberships
  const members = memberships.children(`${pool.pool.Id}/${group.name}`, 'groups')
  const { items, next } = page(
    cx,
    memberships,
    (m) => `${m.poolId}/${m.group}\n${m.user}`,
    members,
    input.Limit || DEFAULT_PAGE,
    input.NextToken,
  )
  const Users = items.map((m) => describeUser(cx.tables.users.get(`${m.poolId}/${m.user}`)!))
  return next ? { Users, NextToken: next } : { Users }
})
