import type {
  EmailMfaSettingsType,
  SMSMfaSettingsType,
  SoftwareTokenMfaSettingsType,
} from '../../../../../generated/types.js'
import type { Can } from '../../context.js'
import { invalidParameter } from '../../errors.js'
import { attribute, type MfaSettings, type UserRow } from '../users.js'
import { settingsOf } from './mfa.js'

/** What SetUserMFAPreference and AdminSetUserMFAPreference take. */
export interface MfaPreferences {
  readonly SMSMfaSettings?: SMSMfaSettingsType | undefined
  readonly SoftwareTokenMfaSettings?: SoftwareTokenMfaSettingsType | undefined
  readonly EmailMfaSettings?: EmailMfaSettingsType | undefined
}

/**
 * A user's MFA settings with new preferences applied: each method given is turned on or off and may become the
 * preferred one (only one can be). Seen in client code matching Cognito's text: "User has not verified software token
 * mfa" for TOTP without a verified token; the other refusals' wording is chosen.
 */
export function applyPreferences(
  cx: Can<'InvalidParameterException'>,
  user: UserRow,
  given: MfaPreferences,
): MfaSettings {
  let next = { ...settingsOf(user) }
  const apply = (
    settings: { Enabled?: boolean | undefined; PreferredMfa?: boolean | undefined } | undefined,
    key: 'sms' | 'totp' | 'email',
    type: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP',
  ) => {
    if (!settings) return
    const enabled = settings.Enabled ?? next[key]
    if (settings.PreferredMfa && !enabled)
      throw invalidParameter(cx, `${type} cannot be preferred unless it is enabled.`)
    next = { ...next, [key]: enabled }
    if (settings.PreferredMfa) next = { ...next, preferred: type }
    else if (!enabled && next.preferred === type) next = { ...next, preferred: undefined }
  }
  apply(given.SMSMfaSettings, 'sms', 'SMS_MFA')
  apply(given.SoftwareTokenMfaSettings, 'totp', 'SOFTWARE_TOKEN_MFA')
  apply(given.EmailMfaSettings, 'email', 'EMAIL_OTP')
  if (next.totp && !next.totpSecret) throw invalidParameter(cx, 'User has not verified software token mfa')
  if (next.sms && !attribute(user, 'phone_number'))
    throw invalidParameter(cx, 'SMS MFA cannot be enabled for a user without a phone number.')
  if (next.email && !attribute(user, 'email'))
    throw invalidParameter(cx, 'Email MFA cannot be enabled for a user without an email address.')
  return next
}
