import type {
  CreateIdentityProviderRequest, CreateIdentityProviderResponse, DeleteIdentityProviderRequest, DescribeIdentityProviderRequest,
  DescribeIdentityProviderResponse, GetIdentityProviderByIdentifierRequest, GetIdentityProviderByIdentifierResponse,
  ListIdentityProvidersRequest, ListIdentityProvidersResponse, UpdateIdentityProviderRequest, UpdateIdentityProviderResponse,
} from '../../../../generated/types.js'
import { CognitoError } from '../../protocol/errors.js'
import type { Engine } from '../engine.js'
import { invalidParameter } from '../errors.js'
import { page } from '../paging.js'
import { describeProvider, toMap, type PoolRecord, type ProviderRecord } from '../state.js'
import { checkDetails, defaultMapping, shownDetails } from './details.js'

const SOCIAL = new Set(['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple'])
/** ListIdentityProviders answers this many when MaxResults is left out (chosen: the model's maximum). */
const DEFAULT_PAGE = 60

function notFound(name: string, poolId: string): CognitoError {
  // Chosen without a captured message.
  return new CognitoError('ResourceNotFoundException', `Identity provider ${name} does not exist in user pool ${poolId}.`)
}

function provider(pool: PoolRecord, name: string): ProviderRecord {
  const found = pool.providers.get(name)
  if (!found) throw notFound(name, pool.pool.Id!)
  return found
}

/** Identifiers must be unique across the pool's providers. */
function checkIdentifiers(pool: PoolRecord, identifiers: readonly string[], self: string | undefined): void {
  if (new Set(identifiers).size !== identifiers.length) throw invalidParameter('IdpIdentifiers must be unique.')
  for (const other of pool.providers.values()) {
    if (other.name === self) continue
    const clash = identifiers.find((id) => other.identifiers.includes(id))
    // Chosen without a captured message; the type is the one Cognito models for it.
    if (clash) throw new CognitoError('DuplicateProviderException', `Identifier ${clash} is already used by provider ${other.name} in user pool ${pool.pool.Id}`)
  }
}

function describe(pool: PoolRecord, r: ProviderRecord): DescribeIdentityProviderResponse {
  return { IdentityProvider: describeProvider(pool.pool.Id!, r, shownDetails(r.type, r.details)) }
}

/** CreateIdentityProvider: unique name and identifiers, details that fit the type, Cognito's additions. */
export function createIdentityProvider(engine: Engine, input: CreateIdentityProviderRequest): CreateIdentityProviderResponse {
  const pool = engine.pool(input.UserPoolId)
  const type = input.ProviderType
  if (SOCIAL.has(type) && input.ProviderName !== type) throw invalidParameter(`The provider name of a ${type} identity provider must be ${type}.`)
  if (!SOCIAL.has(type) && SOCIAL.has(input.ProviderName)) throw invalidParameter(`${input.ProviderName} is reserved for the ${input.ProviderName} identity provider type.`)
  // Seen in CloudTrail for a duplicate name: "<ProviderName> already exists in user pool <userPoolId>".
  if (pool.providers.has(input.ProviderName)) throw new CognitoError('DuplicateProviderException', `${input.ProviderName} already exists in user pool ${input.UserPoolId}`)
  const details = toMap(input.ProviderDetails)
  checkDetails(type, details)
  const identifiers = [...(input.IdpIdentifiers ?? [])]
  checkIdentifiers(pool, identifiers, undefined)
  const now = engine.now()
  const record: ProviderRecord = {
    name: input.ProviderName,
    type,
    details,
    mapping: input.AttributeMapping ? toMap(input.AttributeMapping) : defaultMapping(type),
    identifiers,
    created: now,
    modified: now,
    seq: engine.nextSeq(),
  }
  pool.providers.set(record.name, record)
  return describe(pool, record)
}

/** DescribeIdentityProvider. */
export function describeIdentityProvider(engine: Engine, input: DescribeIdentityProviderRequest): DescribeIdentityProviderResponse {
  const pool = engine.pool(input.UserPoolId)
  return describe(pool, provider(pool, input.ProviderName))
}

/** UpdateIdentityProvider: what is given replaces what the provider had (type and name stay); LastModifiedDate moves. */
export function updateIdentityProvider(engine: Engine, input: UpdateIdentityProviderRequest): UpdateIdentityProviderResponse {
  const pool = engine.pool(input.UserPoolId)
  const r = provider(pool, input.ProviderName)
  const details = input.ProviderDetails ? toMap(input.ProviderDetails) : r.details
  if (input.ProviderDetails) checkDetails(r.type, details)
  const identifiers = input.IdpIdentifiers ? [...input.IdpIdentifiers] : r.identifiers
  checkIdentifiers(pool, identifiers, r.name)
  r.details = details
  if (input.AttributeMapping) r.mapping = toMap(input.AttributeMapping)
  r.identifiers = identifiers
  r.modified = Math.max(engine.now(), r.modified)
  return describe(pool, r)
}

/** DeleteIdentityProvider. */
export function deleteIdentityProvider(engine: Engine, input: DeleteIdentityProviderRequest): Record<string, never> {
  const pool = engine.pool(input.UserPoolId)
  provider(pool, input.ProviderName)
  pool.providers.delete(input.ProviderName)
  return {}
}

/** ListIdentityProviders: providers in creation order, MaxResults (up to 60) at a time. */
export function listIdentityProviders(engine: Engine, input: ListIdentityProvidersRequest): ListIdentityProvidersResponse {
  const pool = engine.pool(input.UserPoolId)
  const max = input.MaxResults === undefined || input.MaxResults === 0 ? DEFAULT_PAGE : input.MaxResults
  const { items, next } = page(pool.providers.values(), max, input.NextToken)
  const Providers = items.map((r) => ({ ProviderName: r.name, ProviderType: r.type as 'OIDC', LastModifiedDate: r.modified, CreationDate: r.created }))
  return next ? { Providers, NextToken: next } : { Providers }
}

/** GetIdentityProviderByIdentifier: the provider whose IdpIdentifiers hold the identifier. */
export function getIdentityProviderByIdentifier(engine: Engine, input: GetIdentityProviderByIdentifierRequest): GetIdentityProviderByIdentifierResponse {
  const pool = engine.pool(input.UserPoolId)
  for (const r of pool.providers.values()) if (r.identifiers.includes(input.IdpIdentifier)) return describe(pool, r)
  // Chosen without a captured message.
  throw new CognitoError('ResourceNotFoundException', `No identity provider in user pool ${input.UserPoolId} has the identifier ${input.IdpIdentifier}.`)
}
