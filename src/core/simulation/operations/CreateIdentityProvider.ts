import { fail } from '../context.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { clashMessage, describeProvider, identifierClash, SOCIAL } from '../resources/identity-providers.js'
import { discoverEndpoints, isLoopback } from '../resources/oidc-discovery.js'
import { checkDetails, defaultMapping } from '../resources/provider-details.js'
import { samlKey } from '../resources/saml-keys.js'
import { findPool } from '../resources/user-pools.js'

/** CreateIdentityProvider: unique name and identifiers, details that fit the type, Cognito's additions. */
export const CreateIdentityProvider = operation('CreateIdentityProvider', async (cx, input) => {
  findPool(cx, input.UserPoolId)
  const type = input.ProviderType
  if (SOCIAL.has(type) && input.ProviderName !== type)
    throw invalidParameter(cx, `The provider name of a ${type} identity provider must be ${type}.`)
  if (!SOCIAL.has(type) && SOCIAL.has(input.ProviderName))
    throw invalidParameter(
      cx,
      `${input.ProviderName} is reserved for the ${input.ProviderName} identity provider type.`,
    )
  // Seen in CloudTrail for a duplicate name: "<ProviderName> already exists in user pool <userPoolId>".
  if (cx.tables.providers.has(`${input.UserPoolId}/${input.ProviderName}`))
    throw fail(
      cx,
      'DuplicateProviderException',
      `${input.ProviderName} already exists in user pool ${input.UserPoolId}`,
    )
  const details: Record<string, string> = { ...input.ProviderDetails }
  checkDetails(cx, type, details)
  // A loopback issuer's endpoints are read from its discovery document, as Cognito reads any issuer's.
  const issuer = details['oidc_issuer']
  if (type === 'OIDC' && issuer !== undefined && isLoopback(issuer))
    Object.assign(details, await discoverEndpoints(cx, issuer), { ...input.ProviderDetails })
  const identifiers = [...(input.IdpIdentifiers ?? [])]
  const clash = identifierClash(cx, input.UserPoolId, identifiers, undefined)
  // Chosen: the type CreateIdentityProvider models for a duplicate, with a message of our own.
  if (clash) throw fail(cx, 'DuplicateProviderException', clashMessage(clash, input.UserPoolId))
  const now = cx.now()
  const row = cx.tables.providers.insert({
    poolId: input.UserPoolId,
    name: input.ProviderName,
    type,
    details,
    mapping: input.AttributeMapping ? { ...input.AttributeMapping } : defaultMapping(type),
    identifiers,
    created: now,
    modified: now,
  })
  // The pool's encryption key, made with its first SAML provider (describe responses show its certificate).
  if (type === 'SAML') await samlKey(cx, input.UserPoolId, 'encryption')
  return { IdentityProvider: describeProvider(row, cx) }
})
