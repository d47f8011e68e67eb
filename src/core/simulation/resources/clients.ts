import type { UserPoolClientType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter } from '../errors.js'
import { findPool } from './user-pools.js'

/** An app client as DescribeUserPoolClient returns it, dates aside. */
export interface ClientRow {
  readonly client: Omit<UserPoolClientType, 'CreationDate' | 'LastModifiedDate'> & {
    readonly ClientId: string
    readonly UserPoolId: string
  }
  readonly created: number
  readonly modified: number
}

/** App clients, by id, belonging to their pool. */
export const clientsTable = table<ClientRow>({
  key: (row) => row.client.ClientId,
  parent: { table: 'pools', key: (row) => row.client.UserPoolId },
})

/** Lower-case letters and digits, the alphabet of client ids and secrets. */
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'

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
  'RefreshTokenValidity',
  'AccessTokenValidity',
  'IdTokenValidity',
  'TokenValidityUnits',
  'ReadAttributes',
  'WriteAttributes',
  'ExplicitAuthFlows',
  'SupportedIdentityProviders',
  'CallbackURLs',
  'LogoutURLs',
  'DefaultRedirectURI',
  'AllowedOAuthFlows',
  'AllowedOAuthScopes',
  'AllowedOAuthFlowsUserPoolClient',
  'AnalyticsConfiguration',
  'PreventUserExistenceErrors',
  'EnableTokenRevocation',
  'EnablePropagateAdditionalUserContextData',
  'AuthSessionValidity',
  'RefreshTokenRotation',
] as const

/** The settings of a create or update request, defaults filling what it leaves out. */
export function clientSettings(input: object): Pick<UserPoolClientType, (typeof SETTINGS)[number]> {
  const given = input as Record<string, unknown>
  const base = defaults() as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of SETTINGS) {
    const value = given[key] ?? base[key]
    if (value !== undefined) out[key] = structuredClone(value)
  }
  return out
}

/** Every supported provider is COGNITO or one of the pool's; the message is the one Cognito was seen to send. */
export function checkSupportedProviders(
  cx: Can<'InvalidParameterException'>,
  poolId: string,
  providers: readonly string[] | undefined,
): void {
  for (const name of providers ?? []) {
    if (name !== 'COGNITO' && !cx.tables.providers.has(`${poolId}/${name}`))
      throw invalidParameter(cx, `The provider ${name} does not exist for User Pool ${poolId}`)
  }
}

/** The app client of a pool, or Cognito's ResourceNotFoundException (message seen from Cognito). */
export function findClient(cx: Can<'ResourceNotFoundException'>, poolId: string, clientId: string): ClientRow {
  findPool(cx, poolId)
  const row = cx.tables.clients.get(clientId)
  if (!row || row.client.UserPoolId !== poolId)
    throw fail(cx, 'ResourceNotFoundException', `User pool client ${clientId} does not exist.`)
  return row
}

/** The client as DescribeUserPoolClient returns it. */
export function describeClient(row: ClientRow): UserPoolClientType {
  return { ...row.client, LastModifiedDate: row.modified, CreationDate: row.created }
}
