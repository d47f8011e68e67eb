import { operation } from '../define.js'
import { describeGroup, findGroup } from '../resources/groups.js'
import { findPool } from '../resources/user-pools.js'

/** GetGroup: the group with its precedence and role. */
export const GetGroup = operation('GetGroup', (cx, input) => ({
  Group: describeGroup(findGroup(cx, findPool(cx, input.UserPoolId).pool.Id, input.GroupName)),
}))
