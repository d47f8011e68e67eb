import type {
  CreateUserPoolClientRequest, CreateUserPoolClientResponse, DeleteUserPoolClientRequest, DescribeUserPoolClientRequest, DescribeUserPoolClientResponse,
  ListUserPoolClientsRequest, ListUserPoolClientsResponse, UpdateUserPoolClientRequest, UpdateUserPoolClientResponse, UserPoolClientType,
} from '../../../../generated/types.js'
import { CognitoError } from '../../protocol/errors.js'
import type { Engine } from '../engine.js'
import { invalidParameter } from '../errors.js'
import { page } from '../paging.js'
import { clone, type ClientRecord, type PoolRecord } from '../state.js'

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'
/** ListUserPoolClients answers this many when MaxResults is left out (chosen: the model's maximum). */
const DEFAULT_PAGE = 60

/**
 * What a client has when a request leaves a member out (and what UpdateUserPoolClient resets it to).
 * From AWS's published example: AuthSessionValidity 3, token revocation on, no propagated context data.
 * From AWS's documentation without a captured response: token validities (30 days, 60 minutes, 60
 * minutes), the three flows a client without ExplicitAuthFlows allows, PreventUserExistenceErrors LEGACY.
 */
function defaults(): Partial<UserPoolClientType> {
  return {
    RefreshTokenValidity: 30,
    AccessTokenValidity: 60,
    IdTokenValidity: 60,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH'],
    AllowedOAuthFlowsUserPoolClient: false,
    PreventUserExistenceErrors: 'LEGACY',
    EnableTokenRevocation: true,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: 3,
  }
}

const SETTINGS = [
  'RefreshTokenValidity', 'AccessTokenValidity', 'IdTokenValidity', 'TokenValidityUnits', 'ReadAttributes', 'WriteAttributes', 'ExplicitAuthFlows',
  'SupportedIdentityProviders', 'CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI', 'AllowedOAuthFlows', 'AllowedOAuthScopes', 'AllowedOAuthFlowsUserPoolClient',
  'AnalyticsConfiguration', 'PreventUserExistenceErrors', 'EnableTokenRevocation', 'EnablePropagateAdditionalUserContextData', 'AuthSessionValidity', 'RefreshTokenRotation',
] as const

/** Every supported provider is COGNITO or one of the pool's; the message is the one Cognito was seen to send. */
function checkProviders(pool: PoolRecord, providers: readonly string[] | undefined): void {
  for (const name of providers ?? []) {
    if (name !== 'COGNITO' && !pool.providers.has(name)) throw invalidParameter(`The provider ${name} does not exist for User Pool ${pool.pool.Id}`)
  }
}

function settings(input: Record<string, unknown>): Record<string, unknown> {
  const base = defaults() as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of SETTINGS) {
    const value = input[key] ?? base[key]
    if (value !== undefined) out[key] = clone(value)
  }
  return out
}

function client(engine: Engine, poolId: string, clientId: string): { pool: PoolRecord; record: ClientRecord } {
  const pool = engine.pool(poolId)
  const record = pool.clients.get(clientId)
  // Seen from Cognito: "User pool client <id> does not exist."
  if (!record) throw new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`)
  return { pool, record }
}

function describe(record: ClientRecord): UserPoolClientType {
  return clone({ ...record.client, LastModifiedDate: record.modified, CreationDate: record.created })
}

/** CreateUserPoolClient: a 26-character id, a 52-character secret when asked for, defaults for the rest. */
export function createUserPoolClient(engine: Engine, input: CreateUserPoolClientRequest): CreateUserPoolClientResponse {
  const pool = engine.pool(input.UserPoolId)
  checkProviders(pool, input.SupportedIdentityProviders)
  let id = engine.ids.chars(26, LOWER_ALNUM)
  while (pool.clients.has(id)) id = engine.ids.chars(26, LOWER_ALNUM)
  const secret = input.ClientSecret ?? (input.GenerateSecret ? engine.ids.chars(52, LOWER_ALNUM) : undefined)
  const now = engine.now()
  const record: ClientRecord = {
    client: { UserPoolId: input.UserPoolId, ClientName: input.ClientName, ClientId: id, ...(secret !== undefined && { ClientSecret: secret }), ...settings(input as unknown as Record<string, unknown>) },
    created: now,
    modified: now,
    seq: engine.nextSeq(),
  }
  pool.clients.set(id, record)
  return { UserPoolClient: describe(record) }
}

/** DescribeUserPoolClient. */
export function describeUserPoolClient(engine: Engine, input: DescribeUserPoolClientRequest): DescribeUserPoolClientResponse {
  return { UserPoolClient: describe(client(engine, input.UserPoolId, input.ClientId).record) }
}

/** UpdateUserPoolClient: what is given replaces, what is left out goes back to its default (as Cognito documents). */
export function updateUserPoolClient(engine: Engine, input: UpdateUserPoolClientRequest): UpdateUserPoolClientResponse {
  const { pool, record } = client(engine, input.UserPoolId, input.ClientId)
  checkProviders(pool, input.SupportedIdentityProviders)
  const { UserPoolId, ClientId, ClientSecret } = record.client
  record.client = { UserPoolId, ClientId, ClientName: input.ClientName ?? record.client.ClientName, ...(ClientSecret !== undefined && { ClientSecret }), ...settings(input as unknown as Record<string, unknown>) }
  record.modified = Math.max(engine.now(), record.modified)
  return { UserPoolClient: describe(record) }
}

/** DeleteUserPoolClient. */
export function deleteUserPoolClient(engine: Engine, input: DeleteUserPoolClientRequest): Record<string, never> {
  const { pool } = client(engine, input.UserPoolId, input.ClientId)
  pool.clients.delete(input.ClientId)
  return {}
}

/** ListUserPoolClients: clients in creation order, MaxResults (up to 60) at a time. */
export function listUserPoolClients(engine: Engine, input: ListUserPoolClientsRequest): ListUserPoolClientsResponse {
  const pool = engine.pool(input.UserPoolId)
  if (input.MaxResults === 0) throw invalidParameter('MaxResults must be greater than 0.')
  const { items, next } = page(pool.clients.values(), input.MaxResults ?? DEFAULT_PAGE, input.NextToken)
  const UserPoolClients = items.map((c) => ({ ClientId: c.client.ClientId, UserPoolId: c.client.UserPoolId, ClientName: c.client.ClientName }))
  return next ? { UserPoolClients, NextToken: next } : { UserPoolClients }
}
