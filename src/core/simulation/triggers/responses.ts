/** The type a member of a trigger's `response` must have; null is always accepted (Cognito's defaults are null). */
type Kind = 'boolean' | 'string' | 'object' | 'array'

function kindOf(value: unknown): Kind | 'other' {
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'boolean' || typeof value === 'string') return typeof value as Kind
  if (value !== null && typeof value === 'object') return 'object'
  return 'other'
}

/**
 * A check that a response has only the members a trigger defines, each of its type (Cognito answers "Unrecognizable
 * lambda output" for extra members or wrong types, captured with extra members; the exact rules are chosen).
 */
export function members(shape: Readonly<Record<string, Kind>>): (response: Record<string, unknown>) => boolean {
  return (response) =>
    Object.entries(response).every(([key, value]) => {
      const kind = shape[key]
      return kind !== undefined && (value === null || value === undefined || kindOf(value) === kind)
    })
}

/** The members each trigger's response may have (AWS's documentation of each trigger's event). */
export const RESPONSES = {
  PreSignUp: members({ autoConfirmUser: 'boolean', autoVerifyEmail: 'boolean', autoVerifyPhone: 'boolean' }),
  Empty: members({}),
  DefineAuthChallenge: members({ challengeName: 'string', issueTokens: 'boolean', failAuthentication: 'boolean' }),
  CreateAuthChallenge: members({
    publicChallengeParameters: 'object',
    privateChallengeParameters: 'object',
    challengeMetadata: 'string',
  }),
  VerifyAuthChallengeResponse: members({ answerCorrect: 'boolean' }),
  PreTokenGenerationV1: members({ claimsOverrideDetails: 'object' }),
  PreTokenGenerationV2: members({ claimsAndScopeOverrideDetails: 'object' }),
  UserMigration: members({
    userAttributes: 'object',
    finalUserStatus: 'string',
    messageAction: 'string',
    desiredDeliveryMediums: 'array',
    forceAliasCreation: 'boolean',
    enableSMSMFA: 'boolean',
  }),
  CustomMessage: members({ smsMessage: 'string', emailMessage: 'string', emailSubject: 'string' }),
} as const
