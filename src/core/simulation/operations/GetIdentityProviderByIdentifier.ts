import { fail } from '../context.js'
import { operation } from '../define.js'
import { describeProvider } from '../resources/identity-providers.js'
import { findPool } from '../resources/user-pools.js'

/** GetIdentityProviderByIdentifier: the provider whose IdpIdentifiers hold the identifier. */
export const GetIdentityProviderByIdentifier = operation('GetIdentityProviderByIdentifier', (cx, input) => {
  findPool(cx, input.UserPoolId)
  const row = cx.tables.providers.find('identifier', `${input.UserPoolId}/${input.IdpIdentifier}`)
  // Chosen without a captured message.
  if (!row)
    throw fail(
      cx,
      'ResourceNotFoundException',
      `No identity provider in user pool ${input.UserPoolId} has the identifier ${input.IdpIdentifier}.`,
    )
  return { IdentityProvider: describeProvider(row, cx) }
})
