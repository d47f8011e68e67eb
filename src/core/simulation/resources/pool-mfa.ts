import type { GetUserPoolMfaConfigResponse } from '../../../../generated/types.js'
import { poolMethods } from './mfa.js'
import type { PoolRow } from './user-pools.js'

/** A pool's MFA configuration as GetUserPoolMfaConfig and SetUserPoolMfaConfig answer it. */
export function mfaConfigOf(pool: PoolRow): GetUserPoolMfaConfigResponse {
  const methods = poolMethods(pool)
  const p = pool.pool
  return {
    ...(methods.includes('SMS_MFA') && {
      SmsMfaConfiguration: {
        ...(p.SmsAuthenticationMessage !== undefined && { SmsAuthenticationMessage: p.SmsAuthenticationMessage }),
        ...(p.SmsConfiguration !== undefined && { SmsConfiguration: p.SmsConfiguration }),
      },
    }),
    SoftwareTokenMfaConfiguration: { Enabled: methods.includes('SOFTWARE_TOKEN_MFA') },
    ...(pool.mfa?.email && { EmailMfaConfiguration: { ...pool.mfa.email } }),
    MfaConfiguration: p.MfaConfiguration ?? 'OFF',
  }
}
