import { operation } from '../define.js'
import { findBranding } from '../resources/managed-login-branding.js'
import { findPool } from '../resources/user-pools.js'

/**
 * DeleteManagedLoginBranding: the client loses its style; its managed login pages are unavailable until it has
 * another (seen in the model).
 */
export const DeleteManagedLoginBranding = operation('DeleteManagedLoginBranding', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  cx.tables.brandings.delete(findBranding(cx, pool.pool.Id, input.ManagedLoginBrandingId).id)
  return {}
})
