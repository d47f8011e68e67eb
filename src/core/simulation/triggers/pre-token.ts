import type { Can } from '../context.js'
import { fail } from '../context.js'
import type { LambdaErrors } from '../lambdas.js'
import type { ClientRow } from '../resources/clients.js'
import { groupsOf } from '../resources/groups.js'
import type { PoolRow } from '../resources/user-pools.js'
import type { UserRow } from '../resources/users.js'
import { eventAttributes } from './events.js'
import { configured, invokeTrigger } from './invoke.js'
import { RESPONSES } from './responses.js'

/** When tokens are made (AWS's documentation of pre token generation's trigger sources). */
export type TokenSource =
  | 'TokenGeneration_Authentication'
  | 'TokenGeneration_NewPasswordChallenge'
  | 'TokenGeneration_AuthenticateDevice'
  | 'TokenGeneration_RefreshTokens'
  | 'TokenGeneration_HostedAuth'

/** Claims Cognito never lets the function change (AWS's documentation); changes to them are ignored (chosen). */
const RESERVED = new Set([
  'acr',
  'amr',
  'aud',
  'at_hash',
  'auth_time',
  'azp',
  'cognito:username',
  'exp',
  'iat',
  'identities',
  'iss',
  'jti',
  'nbf',
  'nonce',
  'origin_jti',
  'sub',
  'token_use',
  // Chosen: the access token's own bookkeeping, and the groups (changed through groupOverrideDetails only).
  'client_id',
  'scope',
  'username',
  'event_id',
  'device_key',
  'cognito:groups',
  'cognito:roles',
  'cognito:preferred_role',
])
/** ID-token claims V2/V3 may not change (AWS's documentation lists them as keeping their types). */
const ID_FIXED = new Set(['phone_number_verified', 'email_verified', 'updated_at', 'address'])

/** What a token's claims become. */
export interface ClaimChanges {
  readonly add: Readonly<Record<string, unknown>>
  readonly suppress: readonly string[]
}

/** What a pre token generation function asked for. */
export interface TokenOverrides {
  readonly id: ClaimChanges
  readonly access: ClaimChanges & { readonly scopesAdd: readonly string[]; readonly scopesSuppress: readonly string[] }
  /** Replaced group claims (null: none at all), or undefined to keep the user's. */
  readonly groups?:
    | {
        readonly groups?: readonly string[] | undefined
        readonly roles?: readonly string[] | undefined
        readonly preferredRole?: string | null | undefined
      }
    | null
    | undefined
}

const object = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

function changes(source: Record<string, unknown> | undefined, stringsOnly: boolean, fixed: Set<string>): ClaimChanges {
  const add = object(source?.['claimsToAddOrOverride']) ?? {}
  return {
    add: Object.fromEntries(
      Object.entries(add).filter(
        ([k, v]) => !RESERVED.has(k) && !fixed.has(k) && (!stringsOnly || typeof v === 'string'),
      ),
    ),
    suppress: strings(source?.['claimsToSuppress']).filter((k) => !RESERVED.has(k) && !fixed.has(k)),
  }
}

function groupOverride(value: unknown): TokenOverrides['groups'] {
  if (value === undefined) return undefined
  const details = object(value)
  if (!details || Object.keys(details).length === 0) return null
  return {
    ...(Array.isArray(details['groupsToOverride']) && { groups: strings(details['groupsToOverride']) }),
    ...(Array.isArray(details['iamRolesToOverride']) && { roles: strings(details['iamRolesToOverride']) }),
    ...('preferredRole' in details && {
      preferredRole: typeof details['preferredRole'] === 'string' ? details['preferredRole'] : null,
    }),
  }
}

/**
 * PreTokenGeneration before tokens are signed. V1_0 events carry `groupConfiguration`; V2_0/V3_0 add `scopes` and
 * answer `claimsAndScopeOverrideDetails` for both tokens (AWS's documentation and sample events). V1 claim values
 * must be strings (an array was seen to fail with "Unrecognizable lambda output"); suppression wins over addition.
 */
export async function preTokenGeneration(
  cx: Can<LambdaErrors>,
  pool: PoolRow,
  client: ClientRow,
  user: UserRow,
  source: TokenSource,
  clientMetadata: Readonly<Record<string, string>> | undefined,
  scopes: readonly string[],
): Promise<TokenOverrides | undefined> {
  const target = configured(pool, 'PreTokenGeneration')
  if (!target) return undefined
  const v1 = target.version === '1'
  const groups = groupsOf(cx, user)
  const roles = groups.map((g) => g.roleArn).filter((r): r is string => r !== undefined)
  const preferred = groups.find((g) => g.roleArn !== undefined && g.precedence !== undefined)?.roleArn ?? null
  const response = await invokeTrigger(
    cx,
    {
      trigger: 'PreTokenGeneration',
      source,
      pool,
      userName: user.username,
      clientId: client.client.ClientId,
      request: {
        userAttributes: eventAttributes(pool, user),
        groupConfiguration: {
          groupsToOverride: groups.map((g) => g.name),
          iamRolesToOverride: roles,
          preferredRole: preferred,
        },
        ...(!v1 && { scopes: [...scopes] }),
        ...(clientMetadata && { clientMetadata }),
      },
      response: v1 ? { claimsOverrideDetails: null } : { claimsAndScopeOverrideDetails: null },
    },
    v1 ? RESPONSES.PreTokenGenerationV1 : RESPONSES.PreTokenGenerationV2,
  )
  if (!response) return undefined
  if (v1) {
    const details = object(response['claimsOverrideDetails'])
    const added = object(details?.['claimsToAddOrOverride']) ?? {}
    if (Object.values(added).some((v) => typeof v !== 'string'))
      throw fail(cx, 'InvalidLambdaResponseException', 'Unrecognizable lambda output')
    const claims = changes(details, true, new Set())
    return {
      id: claims,
      access: { add: {}, suppress: [], scopesAdd: [], scopesSuppress: [] },
      groups: details && 'groupOverrideDetails' in details ? groupOverride(details['groupOverrideDetails']) : undefined,
    }
  }
  const details = object(response['claimsAndScopeOverrideDetails'])
  const access = object(details?.['accessTokenGeneration'])
  return {
    id: changes(object(details?.['idTokenGeneration']), false, ID_FIXED),
    access: {
      ...changes(access, false, new Set()),
      scopesAdd: strings(access?.['scopesToAdd']),
      scopesSuppress: strings(access?.['scopesToSuppress']),
    },
    groups: details && 'groupOverrideDetails' in details ? groupOverride(details['groupOverrideDetails']) : undefined,
  }
}

/** A payload with a function's changes: claims added or overridden, then suppressed. */
export function applyClaims(payload: Record<string, unknown>, claims: ClaimChanges): Record<string, unknown> {
  const out = { ...payload, ...claims.add }
  for (const name of claims.suppress) delete out[name]
  return out
}

/** The group claims a function's override leaves: replaced, removed (null), or the user's (undefined). */
export function overriddenGroups(
  current: Readonly<Record<string, unknown>>,
  groups: TokenOverrides['groups'],
): Record<string, unknown> {
  if (groups === undefined) return { ...current }
  if (groups === null) return {}
  const out: Record<string, unknown> = { ...current }
  if (groups.groups !== undefined) {
    if (groups.groups.length > 0) out['cognito:groups'] = [...groups.groups]
    else delete out['cognito:groups']
  }
  if (groups.roles !== undefined) {
    if (groups.roles.length > 0) out['cognito:roles'] = [...groups.roles]
    else delete out['cognito:roles']
  }
  if (groups.preferredRole !== undefined) {
    if (groups.preferredRole === null) delete out['cognito:preferred_role']
    else out['cognito:preferred_role'] = groups.preferredRole
  }
  return out
}
