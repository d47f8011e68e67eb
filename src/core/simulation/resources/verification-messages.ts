import type { UserPoolType, VerificationMessageTemplateType } from '../../../../generated/types.js'

/** The verification messages of a pool: the older top-level members and VerificationMessageTemplate. */
export type VerificationMessages = Pick<
  UserPoolType,
  'SmsVerificationMessage' | 'EmailVerificationMessage' | 'EmailVerificationSubject' | 'VerificationMessageTemplate'
>

/** Each older top-level member and the template member Cognito keeps in step with it. */
const PAIRS = [
  ['SmsVerificationMessage', 'SmsMessage'],
  ['EmailVerificationMessage', 'EmailMessage'],
  ['EmailVerificationSubject', 'EmailSubject'],
] as const

/**
 * The verification messages a CreateUserPool or UpdateUserPool request leaves the pool with, both forms in step.
 * Seen from Cognito: a template's EmailMessage, EmailSubject and SmsMessage also show as EmailVerificationMessage,
 * EmailVerificationSubject and SmsVerificationMessage on DescribeUserPool, and the other way round
 * (hashicorp/terraform-provider-aws internal/service/cognitoidp/user_pool_test.go,
 * TestAccCognitoIDPUserPool_withVerificationMessageTemplate: "Setting Verification template attributes like
 * EmailMessage, EmailSubject or SmsMessage will implicitly set EmailVerificationMessage, EmailVerificationSubject
 * and SmsVerificationMessage attributes", and the reverse comment on its second step). A member given in both
 * forms keeps each as given (AWS's published CreateUserPool example, in @aws-sdk/client-cognito-identity-provider
 * CreateUserPoolCommand, echoes differing values). EmailMessageByLink and EmailSubjectByLink have no older form
 * and are kept as given. DefaultEmailOption is CONFIRM_WITH_CODE when left out (TestAccCognitoIDPUserPool_basic;
 * chosen for a template given without it).
 */
export function verificationMessages(given: VerificationMessages): VerificationMessages {
  const template: VerificationMessageTemplateType = {
    DefaultEmailOption: 'CONFIRM_WITH_CODE',
    ...structuredClone(given.VerificationMessageTemplate),
  }
  const out: VerificationMessages = {}
  for (const [top, inner] of PAIRS) {
    const value = given[top] ?? template[inner]
    if (value === undefined) continue
    out[top] = value
    template[inner] ??= value
  }
  return { ...out, VerificationMessageTemplate: template }
}
