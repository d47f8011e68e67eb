import { operation } from '../define.js'
import { findProvider } from '../resources/identity-providers.js'
import { findPool } from '../resources/user-pools.js'

/** DeleteIdentityProvider: the provider is gone. */
export const DeleteIdentityProvider = operation('DeleteIdentityProvider', (cx, input) => {
  findPool(cx, input.UserPoolId)
  findProvider(cx, input.UserPoolId, input.ProviderName)
  cx.tables.providers.delete(`${input.UserPoolId}/${input.ProviderName}`)
  return {}
})
