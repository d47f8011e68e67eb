import { operation } from '../define.js'
import { mfaConfigOf } from '../resources/pool-mfa.js'
import { findPool } from '../resources/user-pools.js'

/** GetUserPoolMfaConfig: whether MFA is OFF, ON or OPTIONAL, and the methods the pool offers. */
export const GetUserPoolMfaConfig = operation('GetUserPoolMfaConfig', (cx, input) =>
  mfaConfigOf(findPool(cx, input.UserPoolId)),
)
