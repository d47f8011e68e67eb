import { fail } from '../context.js'
import { operation } from '../define.js'
import { describeGroup } from '../resources/groups.js'
import { findPool } from '../resources/user-pools.js'

/** CreateGroup: a group with an optional description, role and precedence; names are unique in the pool. */
export const CreateGroup = operation('CreateGroup', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  // Chosen wording: no capture of Cognito's text for a taken group name was found.
  if (cx.tables.groups.has(`${pool.pool.Id}/${input.GroupName}`))
    throw fail(cx, 'GroupExistsException', `A group with the name ${input.GroupName} already exists.`)
  const now = cx.now()
  const row = cx.tables.groups.insert({
    poolId: pool.pool.Id,
    name: input.GroupName,
    ...(input.Description !== undefined && { description: input.Description }),
    ...(input.RoleArn !== undefined && { roleArn: input.RoleArn }),
    ...(input.Precedence !== undefined && { precedence: input.Precedence }),
    created: now,
    modified: now,
  })
  return { Group: describeGroup(row) }
})
