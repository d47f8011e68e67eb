import type { UserPoolType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'

/** How threat protection runs for a flow: off, recording only (AUDIT), or acting (ENFORCED). */
export type ProtectionMode = 'OFF' | 'AUDIT' | 'ENFORCED'

/**
 * The mode for a pool's sign-ins: `AdvancedSecurityMode`, and for custom authentication flows
 * `AdvancedSecurityAdditionalFlows.CustomAuthMode` (the model: custom flows are covered only when it is set).
 */
export function protectionMode(pool: Partial<UserPoolType>, customFlow = false): ProtectionMode {
  const addOns = pool.UserPoolAddOns
  if (customFlow) return addOns?.AdvancedSecurityAdditionalFlows?.CustomAuthMode ?? 'OFF'
  return addOns?.AdvancedSecurityMode ?? 'OFF'
}

/**
 * Refuses what needs threat protection on a pool where it is off. Seen (Medium: ministackorg/ministack#1538, an
 * emulator's note on real Cognito): AdminListUserAuthEvents refuses such a pool with UserPoolAddOnNotEnabledException.
 * Chosen without evidence: the message (no capture of its text was found).
 */
export function requireAddOn(cx: Can<'UserPoolAddOnNotEnabledException'>, pool: Partial<UserPoolType>): void {
  if (protectionMode(pool) === 'OFF')
    throw fail(cx, 'UserPoolAddOnNotEnabledException', 'Threat protection is not enabled for this user pool.')
}
