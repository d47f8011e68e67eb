import { operation } from '../define.js'
import { findClient } from '../resources/clients.js'
import { checkManagedLoginTier, createBranding, describeBranding } from '../resources/managed-login-branding.js'
import { findPool } from '../resources/user-pools.js'

/** CreateManagedLoginBranding: a client's managed login style, Cognito's values or the caller's settings and images. */
export const CreateManagedLoginBranding = operation('CreateManagedLoginBranding', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const client = findClient(cx, pool.pool.Id, input.ClientId)
  checkManagedLoginTier(cx, pool)
  const row = createBranding(cx, pool.pool.Id, client.client.ClientId, input)
  return { ManagedLoginBranding: describeBranding(row) }
})
