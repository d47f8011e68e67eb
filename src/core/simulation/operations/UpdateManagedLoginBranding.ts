import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import {
  checkManagedLoginTier,
  describeBranding,
  findBranding,
  updateBranding,
} from '../resources/managed-login-branding.js'
import { findPool } from '../resources/user-pools.js'

/** UpdateManagedLoginBranding: settings merged over the style's, assets replacing theirs, or back to Cognito's values. */
export const UpdateManagedLoginBranding = operation('UpdateManagedLoginBranding', (cx, input) => {
  // Chosen without evidence: the model requires neither member, but a style is found only by both (messages ours).
  if (input.UserPoolId === undefined) throw invalidParameter(cx, 'UserPoolId is required.')
  if (input.ManagedLoginBrandingId === undefined) throw invalidParameter(cx, 'ManagedLoginBrandingId is required.')
  const pool = findPool(cx, input.UserPoolId)
  const row = findBranding(cx, pool.pool.Id, input.ManagedLoginBrandingId)
  checkManagedLoginTier(cx, pool)
  return { ManagedLoginBranding: describeBranding(updateBranding(cx, row, input)) }
})
