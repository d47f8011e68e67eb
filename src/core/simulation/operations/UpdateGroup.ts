import { operation } from '../define.js'
import { describeGroup, findGroup } from '../resources/groups.js'
import { findPool } from '../resources/user-pools.js'

/** UpdateGroup: the description, role or precedence given replace the group's; the rest stays (as the model documents). */
export const UpdateGroup = operation('UpdateGroup', (cx, input) => {
  const row = findGroup(cx, findPool(cx, input.UserPoolId).pool.Id, input.GroupName)
  const next = cx.tables.groups.put({
    ...row,
    ...(input.Description !== undefined && { description: input.Description }),
    ...(input.RoleArn !== undefined && { roleArn: input.RoleArn }),
    ...(input.Precedence !== undefined && { precedence: input.Precedence }),
    modified: Math.max(cx.now(), row.modified),
  })
  return { Group: describeGroup(next) }
})
