import type { MFAOptionType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { invalidParameter } from '../errors.js'
import { settingsOf } from './mfa.js'
import { applyPreferences } from './mfa-preferences.js'
import type { MfaSettings, UserRow } from './users.js'

/**
 * A user's MFA settings after AdminSetUserSettings or SetUserSettings: the legacy `MFAOptions` configure SMS MFA only
 * (the model), so a list naming SMS to `phone_number` turns it on as SetUserMFAPreference would (without changing
 * the preferred method) and an empty list turns it off (chosen without evidence: the legacy API replaced the user's
 * options with the list). Seen from Cognito: InvalidParameterException "Only phone_number attribute is currently
 * supported as a MFA option." (aws-amplify/aws-sdk-ios#382, an email option). Chosen without evidence: an option
 * without a DeliveryMedium is SMS (the only one), and the message for EMAIL.
 */
export function legacySmsMfa(
  cx: Can<'InvalidParameterException'>,
  user: UserRow,
  options: readonly MFAOptionType[],
): MfaSettings {
  for (const option of options) {
    if (option.AttributeName !== 'phone_number')
      throw invalidParameter(cx, 'Only phone_number attribute is currently supported as a MFA option.')
    if ((option.DeliveryMedium ?? 'SMS') !== 'SMS')
      throw invalidParameter(cx, 'Only SMS delivery medium is currently supported as a MFA option.')
  }
  return applyPreferences(cx, user, { SMSMfaSettings: { Enabled: options.length > 0 } })
}

/**
 * The legacy `MFAOptions` of GetUser and AdminGetUser: SMS to `phone_number` while the user's SMS MFA is on. Chosen
 * without evidence (the model: the member "provides information only about SMS MFA configurations"); for the
 * operations that answer users to list.
 */
export function legacyMfaOptions(user: UserRow): MFAOptionType[] | undefined {
  return settingsOf(user).sms ? [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] : undefined
}
