/** Which rule a validation issue broke. */
export type IssueKeyword =
  | 'required'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'enum'
  | 'minimum'
  | 'maximum'
  | 'minItems'
  | 'maxItems'
  | 'items'
  | 'minProperties'
  | 'maxProperties'
  | 'mapKeys'
  | 'mapValues'

/** One broken constraint, as Cognito reports it in InvalidParameterException. */
export interface ValidationIssue {
  /** Cognito's member path, e.g. `policies.passwordPolicy.minimumLength` or `userAttributes.1.member.name`. */
  readonly path: string
  readonly keyword: IssueKeyword
  /** The constraint text, e.g. `Member must have length less than or equal to 55`. */
  readonly constraint: string
  /** The full clause, e.g. `Value 'x' at 'userPoolId' failed to satisfy constraint: ...`. */
  readonly message: string
  /** Whether the value was left out of the message because the member is sensitive. */
  readonly sensitive: boolean
}

/** A value of the wrong JSON type, which Cognito rejects before validating constraints. */
export interface SerializationIssue {
  readonly path: string
  /** What the member expects: `string`, `integer`, `boolean`, `list`, `map`, `structure`, `timestamp`, `blob`. */
  readonly expected: string
  readonly message: string
}

/** The outcome of validating a value against a request or response schema. */
export type ValidationResult =
  | { readonly valid: true }
  | {
      readonly valid: false
      readonly exception: 'InvalidParameterException'
      /** Exactly the message Cognito returns. */
      readonly message: string
      readonly errors: readonly ValidationIssue[]
    }
  | {
      readonly valid: false
      readonly exception: 'SerializationException'
      readonly message: string
      readonly errors: readonly SerializationIssue[]
    }
