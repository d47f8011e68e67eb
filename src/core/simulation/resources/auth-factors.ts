import type { AuthFactorType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { mfaSummary, settingsOf } from './mfa.js'
import type { PoolRow } from './user-pools.js'
import { attribute, type UserRow } from './users.js'
import { passkeysOf } from './webauthn-credentials.js'

/**
 * GetUserAuthFactors' answer: the user's MFA summary and the sign-in factors it has set up: a password, a verified
 * email or phone number for one-time codes, a passkey, a software token (chosen: the model's enum order).
 */
export function authFactors(
  cx: Can<never>,
  pool: PoolRow,
  user: UserRow,
): {
  Username: string
  ConfiguredUserAuthFactors: AuthFactorType[]
  UserMFASettingList?: string[]
  PreferredMfaSetting?: string
} {
  const factors: AuthFactorType[] = []
  if (user.passwordKey !== undefined) factors.push('PASSWORD')
  if (attribute(user, 'email') && attribute(user, 'email_verified') === 'true') factors.push('EMAIL_OTP')
  if (attribute(user, 'phone_number') && attribute(user, 'phone_number_verified') === 'true') factors.push('SMS_OTP')
  if (passkeysOf(cx, user).length > 0) factors.push('WEB_AUTHN')
  if (settingsOf(user).totpSecret) factors.push('SOFTWARE_TOKEN')
  return { Username: user.username, ...mfaSummary(pool, user), ConfiguredUserAuthFactors: factors }
}
