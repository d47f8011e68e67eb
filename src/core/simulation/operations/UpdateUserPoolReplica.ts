import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { describeSecondary, findReplication, findSecondary } from '../resources/replicas.js'

/**
 * UpdateUserPoolReplica: a secondary activated or deactivated, from its primary's Region or its own (seen in the
 * model: "This request can be made in both primary and secondary regions of the user pool"). The change is at once
 * (chosen: no transition status is modelled between INACTIVE and ACTIVE).
 */
export const UpdateUserPoolReplica = operation('UpdateUserPoolReplica', (cx, input) => {
  const replication = findReplication(cx, input.UserPoolId)
  // Chosen without evidence: the primary's status is not the replica operations' to change; the message.
  if (input.RegionName === replication.primary.region)
    throw invalidParameter(cx, `${input.RegionName} is the primary Region of user pool ${replication.pool.pool.Id}.`)
  const row = findSecondary(cx, replication, input.RegionName)
  const next =
    row.status === input.Status
      ? row
      : replication.primary.tables.replicas.put({ ...row, status: input.Status, modified: cx.now() })
  return { UserPoolReplica: describeSecondary(next, replication.primary.account) }
})
