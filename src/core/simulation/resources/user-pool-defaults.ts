import type { SchemaAttributeType, UserPoolType } from '../../../../generated/types.js'

const text = (name: string, mutable = true, required = false, min = '0', max = '2048'): SchemaAttributeType => ({
  Name: name,
  AttributeDataType: 'String',
  DeveloperOnlyAttribute: false,
  Mutable: mutable,
  Required: required,
  StringAttributeConstraints: { MinLength: min, MaxLength: max },
})
const flag = (name: string): SchemaAttributeType => ({
  Name: name,
  AttributeDataType: 'Boolean',
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
})

/** The standard attributes of every new pool, in Cognito's order with its constraints (from AWS's published CreateUserPool example). */
export function standardAttributes(): SchemaAttributeType[] {
  return [
    text('sub', false, true, '1'),
    ...[
      'name',
      'given_name',
      'family_name',
      'middle_name',
      'nickname',
      'preferred_username',
      'profile',
      'picture',
      'website',
      'email',
    ].map((n) => text(n)),
    flag('email_verified'),
    text('gender'),
    text('birthdate', true, false, '10', '10'),
    text('zoneinfo'),
    text('locale'),
    text('phone_number'),
    flag('phone_number_verified'),
    text('address'),
    {
      Name: 'updated_at',
      AttributeDataType: 'Number',
      DeveloperOnlyAttribute: false,
      Mutable: true,
      Required: false,
      NumberAttributeConstraints: { MinValue: '0' },
    },
  ]
}

/**
 * What a pool has when CreateUserPool (or UpdateUserPool, which resets what it is not given) leaves a
 * member out. From evidence: 7 unused-account days and temporary-password days, MFA OFF, sign-in by
 * PASSWORD first. Seen: the password policy of 8 characters and all four character classes (High: the AWS CLI's
 * example, aws/aws-cli awscli/examples/cognito-idp/create-user-pool.rst) and the ESSENTIALS tier (the model:
 * "Defaults to ESSENTIALS"). Chosen from AWS's documented defaults without a captured response: deletion
 * protection INACTIVE, COGNITO_DEFAULT email, CONFIRM_WITH_CODE.
 */
export function resettableDefaults(): Partial<UserPoolType> {
  return {
    Policies: {
      PasswordPolicy: {
        MinimumLength: 8,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 7,
      },
      SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
    },
    DeletionProtection: 'INACTIVE',
    LambdaConfig: {},
    VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
    MfaConfiguration: 'OFF',
    EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
    UserPoolTier: 'ESSENTIALS',
  }
}

/**
 * The policies a pool ends up with. A policy left out entirely takes the defaults; in a password policy
 * given in part, the character-class flags left out are false and the rest keep their defaults
 * (chosen: booleans unset in a request read as false).
 */
export function completePolicies(given: UserPoolType['Policies']): UserPoolType['Policies'] {
  const defaults = resettableDefaults().Policies!
  const password = given?.PasswordPolicy
    ? {
        MinimumLength: 8,
        RequireUppercase: false,
        RequireLowercase: false,
        RequireNumbers: false,
        RequireSymbols: false,
        TemporaryPasswordValidityDays: 7,
        ...given.PasswordPolicy,
      }
    : defaults.PasswordPolicy
  return { PasswordPolicy: password, SignInPolicy: given?.SignInPolicy ?? defaults.SignInPolicy }
}
