import type {
  CreateUserPoolRequest, CreateUserPoolResponse, DeleteUserPoolRequest, DescribeUserPoolRequest, DescribeUserPoolResponse,
  ListUserPoolsRequest, ListUserPoolsResponse, SchemaAttributeType, UpdateUserPoolRequest, UserPoolType,
} from '../../../../generated/types.js'
import type { CallInfo, Engine } from '../engine.js'
import { invalidParameter } from '../errors.js'
import { page } from '../paging.js'
import { clone, plainObject, toMap, type PoolRecord } from '../state.js'
import { completePolicies, resettableDefaults, standardAttributes } from './defaults.js'

/** Members of UpdateUserPool that replace the pool's value, or reset it when left out. */
const RESETTABLE = [
  'Policies', 'DeletionProtection', 'LambdaConfig', 'AutoVerifiedAttributes', 'SmsVerificationMessage', 'EmailVerificationMessage',
  'EmailVerificationSubject', 'VerificationMessageTemplate', 'SmsAuthenticationMessage', 'UserAttributeUpdateSettings', 'MfaConfiguration',
  'DeviceConfiguration', 'EmailConfiguration', 'SmsConfiguration', 'AdminCreateUserConfig', 'UserPoolAddOns', 'AccountRecoverySetting',
  'UserPoolTier', 'KeyConfiguration', 'IssuerConfiguration',
] as const

/** The pool as DescribeUserPool returns it. */
export function describePool(record: PoolRecord): UserPoolType {
  return clone({ ...record.pool, UserPoolTags: plainObject(record.tags), LastModifiedDate: record.modified, CreationDate: record.created })
}

/** Applies the schema of a CreateUserPool request: standard attributes adjusted, custom ones added with their prefix. */
function schemaAttributes(requested: readonly SchemaAttributeType[] | undefined): SchemaAttributeType[] {
  const attributes = standardAttributes()
  const standard = new Map(attributes.map((a) => [a.Name!, a]))
  for (const attribute of requested ?? []) {
    const name = attribute.Name ?? ''
    const existing = standard.get(name)
    if (existing) {
      if (attribute.DeveloperOnlyAttribute) throw invalidParameter(`${name}: Standard attributes cannot be developer only.`)
      Object.assign(existing, { Required: attribute.Required ?? existing.Required, Mutable: attribute.Mutable ?? existing.Mutable })
      continue
    }
    // Seen from Cognito (2016): "Required custom attributes are not supported currently."
    if (attribute.Required) throw invalidParameter('Required custom attributes are not supported currently.')
    const prefix = attribute.DeveloperOnlyAttribute ? 'dev:custom:' : 'custom:'
    if (attributes.some((a) => a.Name === `${prefix}${name}`)) throw invalidParameter(`Duplicate attribute name: ${name}`)
    attributes.push({ AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false, ...attribute, Name: `${prefix}${name}` })
  }
  return attributes
}

/** Cross-member rules the schema cannot express. */
function checkRules(pool: Partial<UserPoolType>): void {
  const verify = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? []
  const auto = pool.AutoVerifiedAttributes ?? []
  // Seen from Cognito: the message of this rule when an update leaves AutoVerifiedAttributes out.
  if (verify.some((a) => !auto.includes(a))) throw invalidParameter('All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes')
  if (pool.AliasAttributes?.length && pool.UsernameAttributes?.length) throw invalidParameter('Only one of the AliasAttributes or UsernameAttributes can be specified.')
}

/** CreateUserPool: a new pool with Cognito's defaults for everything the request leaves out. */
export function createUserPool(engine: Engine, input: CreateUserPoolRequest, context?: CallInfo): CreateUserPoolResponse {
  const region = engine.regionFor(context?.region)
  let id = engine.ids.userPoolId(region)
  while (engine.state.pools.has(id)) id = engine.ids.userPoolId(region)
  const { PoolName, Schema, UserPoolTags, Policies, ...rest } = input
  const pool: PoolRecord['pool'] = {
    ...resettableDefaults(),
    ...clone(rest),
    Id: id,
    Name: PoolName,
    Policies: completePolicies(Policies),
    SchemaAttributes: schemaAttributes(Schema),
    EstimatedNumberOfUsers: 0,
    Arn: engine.poolArn(id),
  }
  checkRules(pool)
  const now = engine.now()
  const record: PoolRecord = { pool, tags: toMap(UserPoolTags), providers: new Map(), clients: new Map(), created: now, modified: now, seq: engine.nextSeq() }
  engine.state.pools.set(id, record)
  return { UserPool: describePool(record) }
}

/** DescribeUserPool. */
export function describeUserPool(engine: Engine, input: DescribeUserPoolRequest): DescribeUserPoolResponse {
  return { UserPool: describePool(engine.pool(input.UserPoolId)) }
}

/** UpdateUserPool: members given replace the pool's, members left out go back to their defaults (as Cognito does). */
export function updateUserPool(engine: Engine, input: UpdateUserPoolRequest): Record<string, never> {
  const record = engine.pool(input.UserPoolId)
  const defaults = resettableDefaults() as Record<string, unknown>
  const next: Record<string, unknown> = { ...record.pool }
  for (const member of RESETTABLE) {
    const given = (input as unknown as Record<string, unknown>)[member]
    if (given !== undefined) next[member] = clone(given)
    else if (defaults[member] !== undefined) next[member] = clone(defaults[member])
    else delete next[member]
  }
  next['Policies'] = completePolicies(input.Policies)
  if (input.PoolName !== undefined) next['Name'] = input.PoolName
  checkRules(next as Partial<UserPoolType>)
  record.pool = next as PoolRecord['pool']
  if (input.UserPoolTags !== undefined) record.tags = toMap(input.UserPoolTags)
  record.modified = engine.now()
  return {}
}

/** DeleteUserPool: refused while deletion protection is on (message seen from the live service). */
export function deleteUserPool(engine: Engine, input: DeleteUserPoolRequest): Record<string, never> {
  const record = engine.pool(input.UserPoolId)
  if (record.pool.DeletionProtection === 'ACTIVE') {
    throw invalidParameter('The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.')
  }
  engine.state.pools.delete(input.UserPoolId)
  return {}
}

/** ListUserPools: pools in creation order, MaxResults at a time. */
export function listUserPools(engine: Engine, input: ListUserPoolsRequest): ListUserPoolsResponse {
  const { items, next } = page(engine.state.pools.values(), input.MaxResults, input.NextToken)
  const UserPools = items.map((r) => ({ Id: r.pool.Id, Name: r.pool.Name, LambdaConfig: clone(r.pool.LambdaConfig ?? {}), LastModifiedDate: r.modified, CreationDate: r.created }))
  return next ? { UserPools, NextToken: next } : { UserPools }
}
