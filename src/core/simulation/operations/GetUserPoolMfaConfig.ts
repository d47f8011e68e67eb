import { operation } from '../define.js'
import { mfaConfigOf } from '../resources/pool-mfa.js'
import { findPool } from '../resources/user-pools.js'
import { shownConfig } from '../resources/webauthn-config.js'

/** GetUserPoolMfaConfig: whether MFA is OFF, ON or OPTIONAL, the methods the pool offers, and its passkey settings. */
export const GetUserPoolMfaConfig = operation('GetUserPoolMfaConfig', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const webAuthn = shownConfig(cx, pool.pool.Id)
  return { ...mfaConfigOf(pool), ...(webAuthn && { WebAuthnConfiguration: webAuthn }) }
})
