import type { UserPoolReplicaType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { poolNotFound } from '../errors.js'
import type { Partition } from '../schema.js'
import type { PoolRow } from './user-pools.js'

/**
 * A secondary Region of a user pool (multi-Region replication), kept in the primary's partition beside its pool.
 * Seen in AWS's developer guide (user-pool-multi-region): the replica serves the same pool id, with the same users
 * and settings, from its own Region. Chosen: the simulation keeps one copy of the pool, in the primary's partition,
 * and answers a call that reaches the secondary's Region from it (no copy, no replication delay).
 */
export interface ReplicaRow {
  readonly poolId: string
  readonly region: string
  /** What UpdateUserPoolReplica set; a new replica is INACTIVE (AWS's developer guide: "start in the INACTIVE state"). */
  readonly status: 'ACTIVE' | 'INACTIVE'
  /** The replica's own tags (CreateUserPoolReplica's UserPoolTags): tags are a per-Region setting. */
  readonly tags: Readonly<Record<string, string>>
  readonly created: number
  readonly modified: number
}

/**
 * Replicas, by `<poolId>/<region>`, belonging to their pool. Chosen without evidence: deleting the primary pool
 * deletes its replicas (whether Cognito refuses to delete a replicated pool is not documented).
 */
export const replicasTable = table<ReplicaRow>({
  key: (row) => replicaKey(row.poolId, row.region),
  parent: { table: 'pools', key: (row) => row.poolId },
})

/** A replica's key. */
export function replicaKey(poolId: string, region: string): string {
  return `${poolId}/${region}`
}

/**
 * The ARN of a pool in one of its Regions. Chosen without evidence (the replica ARN's form is shown nowhere; the
 * research notes it as presumed): the pool's ARN with the replica's Region.
 */
export function replicaArn(poolId: string, region: string, account: string): string {
  return `arn:aws:cognito-idp:${region}:${account}:userpool/${poolId}`
}

/** Where a replicated pool lives, and which Region the call reached. */
export interface Replication {
  /** The primary's partition, holding the pool and its replica rows. */
  readonly primary: Partition
  readonly pool: PoolRow
  /** The replica row of the Region the call reached, when that Region is a secondary. */
  readonly secondary?: ReplicaRow | undefined
}

/**
 * The pool a replica operation names, seen from the Region the call reached: the call's own partition when it holds
 * the pool (the primary), else the partition of the account whose pool has a replica in the call's Region. Neither:
 * Cognito's ResourceNotFoundException for the pool.
 */
export function findReplication(cx: Can<'ResourceNotFoundException'>, poolId: string): Replication {
  const own = cx.tables.pools.get(poolId)
  if (own) return { primary: cx.partition, pool: own }
  for (const partition of cx.store.occupied()) {
    if (partition.account !== cx.account || partition.region === cx.region) continue
    const secondary = partition.tables.replicas.get(replicaKey(poolId, cx.region))
    const pool = secondary && partition.tables.pools.get(poolId)
    if (secondary && pool) return { primary: partition, pool, secondary }
  }
  throw poolNotFound(cx, poolId)
}

/**
 * OperationNotEnabledException unless the call reached the pool's primary Region (replicas are created and deleted
 * there: the model's DeleteUserPoolReplica "must be called from the primary Region"; CreateUserPoolReplica makes one
 * "in a specified Region" from the pool). Chosen without evidence: the type (the model's OperationNotEnabledException
 * is for operations "not supported in secondary replica regions") and the message.
 */
export function requirePrimary(
  cx: Can<'OperationNotEnabledException'>,
  replication: Replication,
  done: 'created' | 'deleted',
): void {
  if (replication.secondary)
    throw fail(
      cx,
      'OperationNotEnabledException',
      `Replicas of user pool ${replication.pool.pool.Id} are ${done} from its primary Region.`,
    )
}

/** A pool's secondaries, oldest first. */
export function secondariesOf(replication: Replication): ReplicaRow[] {
  return replication.primary.tables.replicas.children(replication.pool.pool.Id)
}

/** The secondary in a Region, or ResourceNotFoundException (chosen without evidence: the type, modelled, and the message). */
export function findSecondary(
  cx: Can<'ResourceNotFoundException'>,
  replication: Replication,
  region: string,
): ReplicaRow {
  const row = replication.primary.tables.replicas.get(replicaKey(replication.pool.pool.Id, region))
  if (!row)
    throw fail(cx, 'ResourceNotFoundException', `User pool ${replication.pool.pool.Id} has no replica in ${region}.`)
  return row
}

/** The primary as ListUserPoolReplicas describes it. Chosen without evidence: the primary is always ACTIVE. */
export function describePrimary(replication: Replication): UserPoolReplicaType {
  const { primary, pool } = replication
  return {
    RegionName: primary.region,
    Status: 'ACTIVE',
    Role: 'PRIMARY',
    UserPoolArn: replicaArn(pool.pool.Id, primary.region, primary.account),
  }
}

/** A secondary as the replica operations describe it, `status` overriding its stored one (CREATING, DELETING). */
export function describeSecondary(
  row: ReplicaRow,
  account: string,
  status: UserPoolReplicaType['Status'] = row.status,
): UserPoolReplicaType {
  return {
    RegionName: row.region,
    Status: status,
    Role: 'SECONDARY',
    UserPoolArn: replicaArn(row.poolId, row.region, account),
  }
}

/**
 * ListUserPools' `ReplicaRegions` of a pool (the model: "A list of Amazon Web Services Regions where replicas of this
 * user pool exist"), left out when it has none. Chosen without evidence: the secondaries' Regions, without the
 * primary's own.
 */
export function replicaRegions(cx: Can<never>, poolId: string): { ReplicaRegions?: string[] } {
  const regions = cx.tables.replicas.children(poolId).map((row) => row.region)
  return regions.length > 0 ? { ReplicaRegions: regions } : {}
}
