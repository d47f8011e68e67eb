import type { CreateUserPoolRequest, UserPoolType } from '../../../../generated/types.js'
import { userPoolArn } from '../../shared/arn.js'
import type { Can } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter, poolNotFound } from '../errors.js'
import { poolSchema } from './schema-attributes.js'
import { completePolicies, resettableDefaults } from './user-pool-defaults.js'
import { verificationMessages } from './verification-messages.js'

/** A user pool as the simulation keeps it: DescribeUserPool's form without tags and dates, which sit beside it. */
export interface PoolRow {
  readonly pool: Omit<UserPoolType, 'UserPoolTags' | 'CreationDate' | 'LastModifiedDate'> & { readonly Id: string }
  readonly tags: Readonly<Record<string, string>>
  /** Which MFA methods the pool offers (SetUserPoolMfaConfig); MfaConfiguration itself is in `pool`. */
  readonly mfa?: PoolMfa | undefined
  readonly created: number
  readonly modified: number
}

/** The MFA methods a pool offers besides MfaConfiguration. */
export interface PoolMfa {
  readonly sms: boolean
  readonly softwareToken: boolean
  readonly email?: { readonly Message?: string | undefined; readonly Subject?: string | undefined } | undefined
}

/** User pools, by id. */
export const poolsTable = table<PoolRow>({ key: (row) => row.pool.Id })

/** The pool with this id, or Cognito's ResourceNotFoundException. */
export function findPool(cx: Can<'ResourceNotFoundException'>, id: string): PoolRow {
  const row = cx.tables.pools.get(id)
  if (!row) throw poolNotFound(cx, id)
  return row
}

/** The pool as DescribeUserPool returns it, EstimatedNumberOfUsers counting its users now. */
export function describePool(cx: Can<never>, row: PoolRow): UserPoolType {
  let Domain: string | undefined
  let CustomDomain: string | undefined
  for (const d of cx.tables.domains.children(row.pool.Id)) {
    if (d.custom) CustomDomain = d.domain
    else Domain = d.domain
  }
  return {
    ...row.pool,
    ...(Domain !== undefined && { Domain }),
    ...(CustomDomain !== undefined && { CustomDomain }),
    EstimatedNumberOfUsers: cx.tables.users.count(row.pool.Id),
    UserPoolTags: { ...row.tags },
    LastModifiedDate: row.modified,
    CreationDate: row.created,
  }
}

/** Cross-member rules of a pool's settings that the schema cannot express. */
export function checkPoolRules(cx: Can<'InvalidParameterException'>, pool: Partial<UserPoolType>): void {
  const verify = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? []
  const auto = pool.AutoVerifiedAttributes ?? []
  // Seen from Cognito: the message of this rule when an update leaves AutoVerifiedAttributes out.
  if (verify.some((a) => !auto.includes(a)))
    throw invalidParameter(
      cx,
      'All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes',
    )
  if (pool.AliasAttributes?.length && pool.UsernameAttributes?.length)
    throw invalidParameter(cx, 'Only one of the AliasAttributes or UsernameAttributes can be specified.')
}

/** A new pool with Cognito's defaults for everything the request leaves out; `id` fixes its id (fixtures). */
export function createPool(cx: Can<'InvalidParameterException'>, input: CreateUserPoolRequest, id?: string): PoolRow {
  let poolId = id
  while (poolId === undefined || (id === undefined && cx.tables.pools.has(poolId)))
    poolId = cx.ids.userPoolId(cx.region)
  // Chosen: the message for a fixture whose id is taken (fixtures only; Cognito picks ids itself).
  if (cx.tables.pools.has(poolId)) throw invalidParameter(cx, `User pool ${poolId} already exists.`)
  const { PoolName, Schema, UserPoolTags, Policies, ...rest } = input
  const pool: PoolRow['pool'] = {
    ...resettableDefaults(),
    ...structuredClone(rest),
    ...verificationMessages(rest),
    Id: poolId,
    Name: PoolName,
    Policies: completePolicies(Policies),
    SchemaAttributes: poolSchema(cx, Schema),
    EstimatedNumberOfUsers: 0,
    Arn: userPoolArn(poolId, cx.account),
  }
  checkPoolRules(cx, pool)
  const now = cx.now()
  return cx.tables.pools.insert({ pool, tags: { ...UserPoolTags }, created: now, modified: now })
}
