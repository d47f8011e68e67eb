import type { CreateUserPoolClientRequest, UserPoolClientType } from '../../../../generated/types.js'
import { constantTimeEqual, secretHash } from '../../shared/crypto.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter } from '../errors.js'
import { activeSecrets } from './client-secrets.js'
import { customScopes } from './resource-servers.js'
import { findPool, type PoolRow } from './user-pools.js'

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

/**
 * Every attribute in ReadAttributes and WriteAttributes is one the pool's schema has (an unknown read attribute
 * fails a client's creation: https://github.com/aws-amplify/amplify-cli/issues/12887, "Invalid read attributes").
 * Cognito's messages (InvalidParameterException): "Invalid write attributes specified while updating a client"
 * (https://github.com/aws/aws-sdk-java/issues/1395,
 * https://github.com/jmaleonard/serverless-cognito-add-custom-attributes/issues/4); "Invalid write attributes
 * specified while creating a client" and "Invalid read attributes specified while creating a client" (public
 * notes of refused CreateUserPoolClient calls, found by text search). "Invalid read attributes specified while
 * updating a client" is chosen by analogy; checking read attributes before write ones is chosen.
 */
export function checkClientAttributes(
  cx: Can<'InvalidParameterException'>,
  pool: PoolRow,
  settings: Pick<UserPoolClientType, 'ReadAttributes' | 'WriteAttributes'>,
  verb: 'creating' | 'updating',
): void {
  const known = new Set((pool.pool.SchemaAttributes ?? []).map((a) => a.Name))
  for (const [kind, names] of [
    ['read', settings.ReadAttributes],
    ['write', settings.WriteAttributes],
  ] as const) {
    if (names?.some((name) => !known.has(name)))
      throw invalidParameter(cx, `Invalid ${kind} attributes specified while ${verb} a client`)
  }
}

/** The OpenID Connect scopes a client may be given, besides its pool's custom ones (AWS's model documentation). */
export const STANDARD_SCOPES = ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'] as const

/** Whether a callback or sign-out URL is one Cognito takes: HTTPS, or plain HTTP to localhost only, or an app scheme. */
function acceptableUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.hash) return false
  if (parsed.protocol === 'http:') return ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)
  return true
}

/**
 * The OAuth settings of a client, checked as Cognito checks them. Seen from Cognito: ScopeDoesNotExistException
 * "Invalid scope requested: <scope>" (CloudFormation report) and InvalidOAuthFlowException "CallbackUrls can not be
 * empty when code flow or implicit flow is selected" (Terraform report), "client_credentials flow can not be selected
 * along with code flow or implicit flow." and "client_credentials flow can not be selected if client does not have a
 * client secret." (High: several CLI and CloudFormation notes, find_string "client_credentials flow can not be
 * selected"). Chosen wording (behaviour documented, text not captured): a DefaultRedirectURI not among the callback
 * URLs, an http URL to a host other than localhost.
 */
export function checkOAuthSettings(
  cx: Can<'InvalidParameterException' | 'ScopeDoesNotExistException' | 'InvalidOAuthFlowException'>,
  poolId: string,
  settings: Pick<
    UserPoolClientType,
    'AllowedOAuthFlows' | 'AllowedOAuthScopes' | 'CallbackURLs' | 'LogoutURLs' | 'DefaultRedirectURI'
  >,
  hasSecret: boolean,
): void {
  const custom = new Set(customScopes(cx, poolId))
  for (const scope of settings.AllowedOAuthScopes ?? []) {
    if (!(STANDARD_SCOPES as readonly string[]).includes(scope) && !custom.has(scope))
      throw fail(cx, 'ScopeDoesNotExistException', `Invalid scope requested: ${scope}`)
  }
  const flows = settings.AllowedOAuthFlows ?? []
  if (flows.includes('client_credentials') && flows.length > 1)
    throw fail(
      cx,
      'InvalidOAuthFlowException',
      'client_credentials flow can not be selected along with code flow or implicit flow.',
    )
  if (flows.includes('client_credentials') && !hasSecret)
    throw fail(
      cx,
      'InvalidOAuthFlowException',
      'client_credentials flow can not be selected if client does not have a client secret.',
    )
  if ((flows.includes('code') || flows.includes('implicit')) && !settings.CallbackURLs?.length)
    throw fail(
      cx,
      'InvalidOAuthFlowException',
      'CallbackUrls can not be empty when code flow or implicit flow is selected',
    )
  for (const url of [...(settings.CallbackURLs ?? []), ...(settings.LogoutURLs ?? [])])
    if (!acceptableUrl(url))
      throw invalidParameter(cx, `${url} is not a valid URL: use https, or http for localhost only, and no fragment.`)
  if (settings.DefaultRedirectURI !== undefined && !(settings.CallbackURLs ?? []).includes(settings.DefaultRedirectURI))
    throw invalidParameter(cx, 'DefaultRedirectURI must be one of the CallbackURLs.')
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

/** The app client a public operation names (by ClientId alone), with its pool. */
export function publicClient(
  cx: Can<'ResourceNotFoundException'>,
  clientId: string,
): { client: ClientRow; pool: PoolRow } {
  const client = cx.tables.clients.get(clientId)
  // Seen from Cognito: "User pool client <id> does not exist."
  if (!client) throw fail(cx, 'ResourceNotFoundException', `User pool client ${clientId} does not exist.`)
  return { client, pool: findPool(cx, client.client.UserPoolId) }
}

/**
 * Checks SECRET_HASH for a client with a secret: Base64(HMAC-SHA256(secret, username + clientId)), keyed by any of
 * its active secrets (two while one is rotated out). Seen from Cognito: "Client <id> is configured with secret but
 * SECRET_HASH was not received" and "Unable to verify secret hash for client <id>" (NotAuthorizedException). A client
 * without a secret ignores it.
 */
export function checkSecretHash(
  cx: Can<'NotAuthorizedException'>,
  client: ClientRow,
  username: string,
  given: string | undefined,
): void {
  const secrets = activeSecrets(cx, client)
  if (secrets.length === 0) return
  const id = client.client.ClientId
  if (given === undefined)
    throw fail(cx, 'NotAuthorizedException', `Client ${id} is configured with secret but SECRET_HASH was not received`)
  let verified = false
  for (const { secret } of secrets)
    if (constantTimeEqual(secretHash(secret, `${username}${id}`), given)) verified = true
  if (!verified) throw fail(cx, 'NotAuthorizedException', `Unable to verify secret hash for client ${id}`)
}

/** A new app client: a 26-character id (or the fixture's), a 52-character secret when asked for, defaults for the rest. */
export function createClient(
  cx: Can<
    | 'ResourceNotFoundException'
    | 'InvalidParameterException'
    | 'ScopeDoesNotExistException'
    | 'InvalidOAuthFlowException'
  >,
  input: CreateUserPoolClientRequest,
  id?: string,
): ClientRow {
  const pool = findPool(cx, input.UserPoolId)
  checkSupportedProviders(cx, input.UserPoolId, input.SupportedIdentityProviders)
  checkClientAttributes(cx, pool, input, 'creating')
  let clientId = id
  while (clientId === undefined || (id === undefined && cx.tables.clients.has(clientId)))
    clientId = cx.ids.chars(26, LOWER_ALNUM)
  // Chosen: the message for a fixture whose client id is taken (fixtures only; Cognito picks ids itself).
  if (cx.tables.clients.has(clientId)) throw invalidParameter(cx, `User pool client ${clientId} already exists.`)
  const secret = input.ClientSecret ?? (input.GenerateSecret ? cx.secrets.chars(52, LOWER_ALNUM) : undefined)
  checkOAuthSettings(cx, input.UserPoolId, input, secret !== undefined)
  const now = cx.now()
  return cx.tables.clients.insert({
    client: {
      UserPoolId: input.UserPoolId,
      ClientName: input.ClientName,
      ClientId: clientId,
      ...(secret !== undefined && { ClientSecret: secret }),
      ...clientSettings(input),
    },
    created: now,
    modified: now,
  })
}
