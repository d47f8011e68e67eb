import type { AuthFactorType } from '../../../../generated/types.js'
import { mfaSummary, settingsOf } from './mfa.js'
import type { PoolRow } from './user-pools.js'
import { attribute, type UserRow } from './users.js'

/**
 * GetUserAuthFactors' answer: the user's MFA summary and the sign-in factors it has set up: a password, a verified
 * email or phone number for one-time codes, a software token.
 */
export function authFactors(
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
  if (settingsOf(user).totpSecret) factors.push('SOFTWARE_TOKEN')
  return { Username: user.username, ...mfaSummary(pool, user), ConfiguredUserAuthFactors: factors }
}
