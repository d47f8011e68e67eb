import { fail } from '../context.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { checkFeatures } from '../resources/feature-plans.js'
import { describeSecondary, findReplication, replicaKey, requirePrimary, secondariesOf } from '../resources/replicas.js'

const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/

/** Seen in AWS's developer guide (user-pool-multi-region): "each user directory can have at most one secondary replica". */
const MOST_SECONDARIES = 1

/**
 * CreateUserPoolReplica: the pool served in a second Region, which starts INACTIVE (AWS's developer guide). Chosen
 * (the research found nothing on how long creating takes; Terraform's provider waits through CREATING for INACTIVE,
 * hashicorp/terraform-provider-aws internal/service/cognitoidp/user_pool_replica.go): the answer shows CREATING and
 * the replica is INACTIVE from the next call on. Chosen without evidence: the KMS key and issuer prerequisites the
 * guide names are not checked (the simulation keeps no keys of KMS and issues one issuer's tokens).
 */
export const CreateUserPoolReplica = operation('CreateUserPoolReplica', (cx, input) => {
  const replication = findReplication(cx, input.UserPoolId)
  const poolId = replication.pool.pool.Id
  requirePrimary(cx, replication, 'created')
  // Seen in AWS's developer guide: multi-Region replication needs the Essentials or Plus plan; the message follows
  // the one seen for other features (resources/feature-plans.ts).
  checkFeatures(cx, replication.pool.pool, [{ name: 'Multi-Region Replication', needs: 'ESSENTIALS', used: true }])
  // Chosen without evidence: the messages of these InvalidParameterExceptions.
  if (!REGION.test(input.RegionName)) throw invalidParameter(cx, `${input.RegionName} is not a valid Region.`)
  if (input.RegionName === replication.primary.region)
    throw invalidParameter(cx, `User pool ${poolId} is already in ${input.RegionName}.`)
  if (cx.tables.replicas.has(replicaKey(poolId, input.RegionName)))
    throw invalidParameter(cx, `User pool ${poolId} already has a replica in ${input.RegionName}.`)
  // Chosen without evidence: the type (LimitExceededException, modelled) and the message.
  if (secondariesOf(replication).length >= MOST_SECONDARIES)
    throw fail(cx, 'LimitExceededException', `User pool ${poolId} already has ${MOST_SECONDARIES} secondary replica.`)
  const now = cx.now()
  const row = cx.tables.replicas.insert({
    poolId,
    region: input.RegionName,
    status: 'INACTIVE',
    tags: { ...input.UserPoolTags },
    created: now,
    modified: now,
  })
  return { UserPoolReplica: describeSecondary(row, cx.account, 'CREATING') }
})
