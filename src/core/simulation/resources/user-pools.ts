import type { CreateUserPoolRequest, SchemaAttributeType, UserPoolType } from '../../../../generated/types.js'
import { userPoolArn } from '../../shared/arn.js'
import type { Can } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter, poolNotFound } from '../errors.js'
import { completePolicies, resettableDefaults, standardAttributes } from './user-pool-defaults.js'

/** A user pool as the simulation keeps it: DescribeUserPool's form without tags and dates, which sit beside it. */
export interface PoolRow {
  readonly pool: Omit<UserPoolType, 'UserPoolTags' | 'CreationDate' | 'LastModifiedDate'> & { readonly Id: string }
  readonly tags: Readonly<Record<string, string>>
  readonly created: number
  readonly modified: number
}

/** User pools, by id. */
export const poolsTable = table<PoolRow>({ key: (row) => row.pool.Id })

/** The pool with this id, or Cognito's ResourceNotFoundException. */
export function findPool(cx: Can<'ResourceNotFoundException'>, id: string): PoolRow {
  const row = cx.tables.pools.get(id)
  if (!row) throw poolNotFound(cx, id)
  return row
}

/** The pool as DescribeUserPool returns it. */
export function describePool(row: PoolRow): UserPoolType {
  return { ...row.pool, UserPoolTags: { ...row.tags }, LastModifiedDate: row.modified, CreationDate: row.created }
}

/** Applies the schema of a CreateUserPool request: standard attributes adjusted, custom ones added with their prefix. */
function schemaAttributes(
  cx: Can<'InvalidParameterException'>,
  requested: readonly SchemaAttributeType[] | undefined,
): SchemaAttributeType[] {
  const attributes = standardAttributes()
  const standard = new Map(attributes.map((a) => [a.Name!, a]))
  for (const attribute of requested ?? []) {
    const name = attribute.Name ?? ''
    const existing = standard.get(name)
    if (existing) {
      if (attribute.DeveloperOnlyAttribute)
        throw invalidParameter(cx, `${name}: Standard attributes cannot be developer only.`)
      Object.assign(existing, {
        Required: attribute.Required ?? existing.Required,
        Mutable: attribute.Mutable ?? existing.Mutable,
      })
      continue
    }
    // Seen from Cognito (2016): "Required custom attributes are not supported currently."
    if (attribute.Required) throw invalidParameter(cx, 'Required custom attributes are not supported currently.')
    const prefix = attribute.DeveloperOnlyAttribute ? 'dev:custom:' : 'custom:'
    if (attributes.some((a) => a.Name === `${prefix}${name}`))
      throw invalidParameter(cx, `Duplicate attribute name: ${name}`)
    attributes.push({
      AttributeDataType: 'String',
      DeveloperOnlyAttribute: false,
      Mutable: true,
      Required: false,
      ...attribute,
      Name: `${prefix}${name}`,
    })
  }
  return attributes
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
    Id: poolId,
    Name: PoolName,
    Policies: completePolicies(Policies),
    SchemaAttributes: schemaAttributes(cx, Schema),
    EstimatedNumberOfUsers: 0,
    Arn: userPoolArn(poolId, cx.account),
  }
  checkPoolRules(cx, pool)
  const now = cx.now()
  return cx.tables.pools.insert({ pool, tags: { ...UserPoolTags }, created: now, modified: now })
}
