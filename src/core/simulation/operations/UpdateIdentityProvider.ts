import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { clashMessage, describeProvider, findProvider, identifierClash } from '../resources/identity-providers.js'
import { checkDetails } from '../resources/provider-details.js'
import { findPool } from '../resources/user-pools.js'

/** UpdateIdentityProvider: what is given replaces what the provider had (type and name stay); LastModifiedDate moves. */
export const UpdateIdentityProvider = operation('UpdateIdentityProvider', (cx, input) => {
  findPool(cx, input.UserPoolId)
  const row = findProvider(cx, input.UserPoolId, input.ProviderName)
  const details = input.ProviderDetails ? { ...input.ProviderDetails } : row.details
  if (input.ProviderDetails) checkDetails(cx, row.type, details)
  const identifiers = input.IdpIdentifiers ? [...input.IdpIdentifiers] : row.identifiers
  const clash = identifierClash(cx, input.UserPoolId, identifiers, row.name)
  // UpdateIdentityProvider does not model DuplicateProviderException: a taken identifier is a bad parameter (chosen).
  if (clash) throw invalidParameter(cx, clashMessage(clash, input.UserPoolId))
  const mapping = input.AttributeMapping ? { ...input.AttributeMapping } : row.mapping
  return {
    IdentityProvider: describeProvider(
      cx.tables.providers.put({ ...row, details, mapping, identifiers, modified: Math.max(cx.now(), row.modified) }),
      cx,
    ),
  }
})
