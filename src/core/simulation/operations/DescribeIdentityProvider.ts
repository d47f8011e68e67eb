import { operation } from '../define.js'
import { describeProvider, findProvider } from '../resources/identity-providers.js'
import { findPool } from '../resources/user-pools.js'

/** DescribeIdentityProvider: the provider with the details Cognito adds for its type. */
export const DescribeIdentityProvider = operation('DescribeIdentityProvider', (cx, input) => {
  findPool(cx, input.UserPoolId)
  return { IdentityProvider: describeProvider(findProvider(cx, input.UserPoolId, input.ProviderName), cx) }
})
