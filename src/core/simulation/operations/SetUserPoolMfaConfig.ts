import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { poolMethods } from '../resources/mfa.js'
import { mfaConfigOf } from '../resources/pool-mfa.js'
import { findPool, type PoolRow } from '../resources/user-pools.js'
import { setPasskeyConfig, shownConfig } from '../resources/webauthn-config.js'

/**
 * SetUserPoolMfaConfig: the methods given replace the pool's (a method left out is off), and MfaConfiguration with
 * them. Chosen wording for turning MFA on with no method to use. A WebAuthnConfiguration given replaces the pool's
 * passkey settings; left out, they stay (chosen: it is not an MFA method, and passkeys depend on its relying party).
 */
export const SetUserPoolMfaConfig = operation('SetUserPoolMfaConfig', (cx, input) => {
  const row = findPool(cx, input.UserPoolId)
  const sms = input.SmsMfaConfiguration
  const next: PoolRow = {
    ...row,
    pool: {
      ...row.pool,
      ...(input.MfaConfiguration !== undefined && { MfaConfiguration: input.MfaConfiguration }),
      ...(sms?.SmsAuthenticationMessage !== undefined && { SmsAuthenticationMessage: sms.SmsAuthenticationMessage }),
      ...(sms?.SmsConfiguration !== undefined && { SmsConfiguration: sms.SmsConfiguration }),
    },
    mfa: {
      sms: sms !== undefined,
      softwareToken: input.SoftwareTokenMfaConfiguration?.Enabled === true,
      ...(input.EmailMfaConfiguration !== undefined && { email: { ...input.EmailMfaConfiguration } }),
    },
    modified: Math.max(cx.now(), row.modified),
  }
  if ((next.pool.MfaConfiguration ?? 'OFF') !== 'OFF' && poolMethods(next).length === 0) {
    throw invalidParameter(cx, 'At least one MFA method must be enabled when MfaConfiguration is ON or OPTIONAL.')
  }
  cx.tables.pools.put(next)
  if (input.WebAuthnConfiguration !== undefined) setPasskeyConfig(cx, next, input.WebAuthnConfiguration)
  const webAuthn = shownConfig(cx, next.pool.Id)
  return { ...mfaConfigOf(next), ...(webAuthn && { WebAuthnConfiguration: webAuthn }) }
})
