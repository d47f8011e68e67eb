import type { NotifyEmailType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { type AuthEventRow, feedbackTokenHash, keepEvent } from '../resources/auth-events.js'
import type { MessageRow } from '../resources/messages.js'
import { effectiveRisk } from '../resources/risk-configurations.js'
import { attribute, type UserRow } from '../resources/users.js'
import type { Attempt } from './threat-protection.js'

/** Which of NotifyConfiguration's templates a response uses. */
export type NotifyKind = 'BlockEmail' | 'NoActionEmail' | 'MfaEmail'

/**
 * The texts of AWS's example configuration (seen: aws/aws-cli awscli/examples/cognito-idp/describe-risk-configuration.rst),
 * used where the pool's NotifyConfiguration has no template of that kind (chosen: that they are the defaults is Medium).
 */
const DEFAULTS: Record<NotifyKind, { subject: string; opening: string }> = {
  BlockEmail: {
    subject: 'Blocked sign-in attempt',
    opening: 'We blocked an unrecognized sign-in to your account with this information:',
  },
  NoActionEmail: {
    subject: 'New sign-in attempt',
    opening: 'We observed an unrecognized sign-in to your account with this information:',
  },
  MfaEmail: {
    subject: 'New sign-in attempt',
    opening: 'We required you to use multi-factor authentication for the following sign-in attempt:',
  },
}

function defaultText(kind: NotifyKind): string {
  return [
    DEFAULTS[kind].opening,
    'Time: {login-time}',
    'Device: {device-name}',
    'Location: {city}, {country}',
    'If this sign-in was not by you, you should change your password and notify us by clicking on {one-click-link-invalid}',
    'If this sign-in was by you, you can follow {one-click-link-valid} to let us know',
  ].join('\n')
}

/**
 * The one-click feedback link. Chosen without evidence: its form (Cognito's is not documented); it names what
 * UpdateAuthEventFeedback needs, so a test can follow it by calling that operation.
 */
function link(attempt: Attempt, user: UserRow, event: AuthEventRow, token: string, value: 'Valid' | 'Invalid'): string {
  const query = new URLSearchParams({
    user_pool_id: attempt.pool.pool.Id,
    username: user.username,
    event_id: event.id,
    feedback_token: token,
    feedback_value: value,
  })
  return `https://cognito-idp.amazonaws.com/feedback?${query.toString()}`
}

/**
 * Sends the user the NotifyConfiguration email for a risky sign-in, with a fresh feedback token (only its hash is
 * kept with the event), when the user has an email address and the settings name a sender (SourceArn).
 * Placeholders seen in the 2023 developer guide: `{login-time}`, `{device-name}`, `{city}`, `{country}`,
 * `{ip-address}`, `{event-id}`, `{feedback-token}`, `{username}`, `{one-click-link-valid}`, `{one-click-link-invalid}`.
 */
export async function notifyRisk(
  cx: Can<never>,
  attempt: Attempt,
  user: UserRow,
  event: AuthEventRow,
  kind: NotifyKind,
  options: { readonly anyway: boolean },
): Promise<void> {
  const notify = effectiveRisk(cx, attempt.pool.pool.Id, attempt.clientId)?.takeover?.NotifyConfiguration
  const email = attribute(user, 'email')
  if (!notify || !email) return
  const template: NotifyEmailType | undefined = notify[kind]
  const token = cx.secrets.chars(48)
  const values: Record<string, string> = {
    'login-time': new Date(event.created * 1000).toUTCString(),
    'device-name': event.context.DeviceName ?? 'Unknown',
    city: event.context.City ?? 'Unknown',
    country: event.context.Country ?? 'Unknown',
    'ip-address': event.context.IpAddress ?? 'Unknown',
    'event-id': event.id,
    'feedback-token': token,
    username: user.username,
    'one-click-link-valid': link(attempt, user, event, token, 'Valid'),
    'one-click-link-invalid': link(attempt, user, event, token, 'Invalid'),
  }
  const text = (template?.TextBody ?? defaultText(kind)).replace(/\{([a-z-]+)\}/g, (all, name: string) =>
    name in values ? values[name]! : all,
  )
  const row: MessageRow = {
    id: cx.secrets.uuid(),
    poolId: attempt.pool.pool.Id,
    username: user.username,
    kind: 'ThreatProtection',
    medium: 'EMAIL',
    destination: email,
    attribute: 'email',
    subject: template?.Subject ?? DEFAULTS[kind].subject,
    message: text,
    feedbackToken: token,
    time: cx.now(),
  }
  const withToken = { ...event, feedbackTokenHash: feedbackTokenHash(token) }
  cx.tables.messages.insert(row)
  cx.tables.authEvents.put(withToken)
  if (options.anyway)
    cx.whenFailed(() => {
      cx.tables.messages.insert(row)
      keepEvent(cx, withToken)
    })
}
