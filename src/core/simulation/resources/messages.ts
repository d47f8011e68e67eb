import type { DeliveryMediumType } from '../../../../generated/types.js'
import { table } from '../engine/table.js'
import type { PoolRow } from './user-pools.js'

/** Why a message was sent, named after the CustomMessage trigger source Cognito would fire for it. */
export type MessageKind =
  | 'SignUp'
  | 'ResendCode'
  | 'ForgotPassword'
  | 'AdminCreateUser'
  | 'UpdateUserAttribute'
  | 'VerifyUserAttribute'
  | 'Authentication'
  /** A threat protection notification (NotifyConfiguration's BlockEmail, NoActionEmail or MfaEmail). */
  | 'ThreatProtection'

/** An email or SMS message the pool would have delivered. */
export interface MessageRow {
  readonly id: string
  readonly poolId: string
  readonly username: string
  readonly kind: MessageKind
  readonly medium: DeliveryMediumType
  /** The address it went to, unmasked. */
  readonly destination: string
  /** The attribute the address is the value of. */
  readonly attribute: string
  readonly code?: string | undefined
  readonly temporaryPassword?: string | undefined
  /** The feedback token a threat protection notification's links carry (for UpdateAuthEventFeedback). */
  readonly feedbackToken?: string | undefined
  readonly subject?: string | undefined
  readonly message: string
  readonly time: number
}

/** Messages, by id, in the order they were sent. */
export const messagesTable = table<MessageRow>({ key: (row) => row.id })

/**
 * Cognito's default texts where the pool sets no template. Seen in delivered messages: the password-reset code
 * ("Your password reset code is …", subject "Your verification code"). Seen in a pool's description (High: the AWS
 * CLI's example, aws/aws-cli awscli/examples/cognito-idp/describe-user-pool.rst): "Your verification code is {####}. ",
 * subject "Your verification code", the invitation "Your username is {username} and temporary password is {####}. ",
 * subject "Your temporary password", and "Your authentication code is {####}. " (also in console-made pools exported
 * to Terraform, Medium) — each ending in a full stop and a space. Seen (Medium, widely copied): the link text.
 */
const DEFAULTS = {
  verifyEmailSubject: 'Your verification code',
  verifyMessage: 'Your verification code is {####}. ',
  verifyByLink: 'Please click the link below to verify your email address. {##Verify Email##}',
  resetMessage: 'Your password reset code is {####}',
  inviteSubject: 'Your temporary password',
  inviteMessage: 'Your username is {username} and temporary password is {####}. ',
  authenticationMessage: 'Your authentication code is {####}. ',
}

/** A text with the code (`{####}`), the username (`{username}`) and a link (`{##text##}`) put in. */
export function render(
  template: string,
  values: { code: string; username: string; link?: string | undefined },
): string {
  return template
    .replaceAll('{####}', values.code)
    .replaceAll('{username}', values.username)
    .replace(/\{##(.*?)##\}/gs, (_, text: string) => (values.link ? `${text} <${values.link}>` : text))
}

/** The subject and body a message of this kind gets from the pool's templates or Cognito's defaults. */
export function texts(
  pool: PoolRow,
  kind: MessageKind,
  medium: DeliveryMediumType,
): { subject?: string | undefined; body: string } {
  const p = pool.pool
  const template = p.VerificationMessageTemplate
  if (kind === 'AdminCreateUser') {
    const invite = p.AdminCreateUserConfig?.InviteMessageTemplate
    if (medium === 'SMS') return { body: invite?.SMSMessage ?? DEFAULTS.inviteMessage }
    return {
      subject: invite?.EmailSubject ?? DEFAULTS.inviteSubject,
      body: invite?.EmailMessage ?? DEFAULTS.inviteMessage,
    }
  }
  if (kind === 'Authentication') {
    if (medium === 'SMS') return { body: p.SmsAuthenticationMessage ?? DEFAULTS.authenticationMessage }
    return { subject: DEFAULTS.verifyEmailSubject, body: DEFAULTS.authenticationMessage }
  }
  const customised =
    medium === 'SMS'
      ? (template?.SmsMessage ?? p.SmsVerificationMessage)
      : (template?.EmailMessage ?? p.EmailVerificationMessage)
  const fallback = kind === 'ForgotPassword' ? DEFAULTS.resetMessage : DEFAULTS.verifyMessage
  if (medium === 'SMS') return { body: customised ?? fallback }
  const subject = template?.EmailSubject ?? p.EmailVerificationSubject ?? DEFAULTS.verifyEmailSubject
  if (kind !== 'ForgotPassword' && template?.DefaultEmailOption === 'CONFIRM_WITH_LINK') {
    return {
      subject: template.EmailSubjectByLink ?? subject,
      body: template.EmailMessageByLink ?? DEFAULTS.verifyByLink,
    }
  }
  return { subject, body: customised ?? fallback }
}

/**
 * An address as CodeDeliveryDetails show it: an email as its first letter, `***@`, the domain's first letter and
 * `***` (`t***@t***`, seen from Cognito); a phone number as `+`, stars and its last four digits (`+*******0008`).
 */
export function mask(medium: DeliveryMediumType, destination: string): string {
  if (medium === 'EMAIL') {
    const at = destination.indexOf('@')
    return at < 0
      ? `${destination.slice(0, 1)}***`
      : `${destination.slice(0, 1)}***@${destination.slice(at + 1, at + 2)}***`
  }
  const digits = destination.replace(/\D/g, '')
  return `+${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`
}

/** What a message needs to say besides its kind. */
export interface Delivery {
  readonly medium: DeliveryMediumType
  readonly destination: string
  readonly attribute: string
  readonly code?: string | undefined
  readonly temporaryPassword?: string | undefined
  /** The verification link's target, for emails sent by link. */
  readonly link?: string | undefined
  /** The app client of the call (none for admin operations), and its ClientMetadata, for the message triggers. */
  readonly clientId?: string | undefined
  readonly clientMetadata?: Readonly<Record<string, string>> | undefined
}
