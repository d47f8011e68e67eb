import { operation } from '../define.js'
import { describeBranding, findBranding } from '../resources/managed-login-branding.js'
import { findPool } from '../resources/user-pools.js'

/** DescribeManagedLoginBranding: a style by id; with ReturnMergedResources, Cognito's values merged under its own. */
export const DescribeManagedLoginBranding = operation('DescribeManagedLoginBranding', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const row = findBranding(cx, pool.pool.Id, input.ManagedLoginBrandingId)
  return { ManagedLoginBranding: describeBranding(row, input.ReturnMergedResources === true) }
})
