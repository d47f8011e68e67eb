import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { describeSecondary, findReplication, findSecondary, replicaKey, requirePrimary } from '../resources/replicas.js'

/**
 * DeleteUserPoolReplica: an INACTIVE secondary deleted, from the primary's Region only (seen in the model: "You can
 * only delete replicas that are in the INACTIVE status. This operation must be called from the primary Region.").
 * Chosen: the answer shows DELETING and the replica is gone from the next call on (Terraform's provider waits through
 * DELETING for it to disappear, hashicorp/terraform-provider-aws internal/service/cognitoidp/user_pool_replica.go).
 */
export const DeleteUserPoolReplica = operation('DeleteUserPoolReplica', (cx, input) => {
  const replication = findReplication(cx, input.UserPoolId)
  const poolId = replication.pool.pool.Id
  requirePrimary(cx, replication, 'deleted')
  // Chosen without evidence: the messages of these InvalidParameterExceptions.
  if (input.RegionName === replication.primary.region)
    throw invalidParameter(cx, `${input.RegionName} is the primary Region of user pool ${poolId}.`)
  const row = findSecondary(cx, replication, input.RegionName)
  if (row.status !== 'INACTIVE')
    throw invalidParameter(cx, `The replica of user pool ${poolId} in ${row.region} must be INACTIVE to be deleted.`)
  cx.tables.replicas.delete(replicaKey(poolId, row.region))
  return { UserPoolReplica: describeSecondary(row, cx.account, 'DELETING') }
})
