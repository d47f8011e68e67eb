/** The `format` of a consumer contract file. */
export const CONTRACT_FORMAT = 'cognito-idp-contract/consumer'

/** The kind of a member's shape: botocore's types, with enums and documents apart and integer/long as one. */
export type MemberKind =
  | 'string'
  | 'enum'
  | 'integer'
  | 'double'
  | 'boolean'
  | 'timestamp'
  | 'blob'
  | 'list'
  | 'map'
  | 'structure'
  | 'document'

/** The constraints a member had in the contract it was recorded against (botocore's names: lengths, bounds, item counts). */
export interface RecordedConstraints {
  readonly min?: number | undefined
  readonly max?: number | undefined
  /** The model's pattern (Java syntax, whole value). */
  readonly pattern?: string | undefined
  /** Every value of an enum. */
  readonly enum?: readonly string[] | undefined
}

/** How a consumer used one member: a path of member names from the operation's input or output (lists and maps transparent). */
export interface MemberUsage {
  /** How many times the member was present. */
  readonly count: number
  readonly kind: MemberKind
  /** Whether its structure required it when recorded. */
  readonly required: boolean
  readonly constraints?: RecordedConstraints | undefined
  /** Request structures: the member names the contract had when recorded. */
  readonly members?: readonly string[] | undefined
  /** The enum values seen, sorted. */
  readonly values?: readonly string[] | undefined
  /** Strings and blobs: the shortest and longest length seen; numbers: the smallest and largest value; lists and maps: the fewest and most items. */
  readonly least?: number | undefined
  readonly most?: number | undefined
  /** Up to 20 distinct values of a string that is not sensitive, sorted (what a pattern change is checked against). */
  readonly samples?: readonly string[] | undefined
}

/** How a consumer used one operation. */
export interface OperationUsage {
  /** How many calls it made. */
  readonly calls: number
  /** Request members it sent, by path (`Policies.PasswordPolicy.MinimumLength`). */
  readonly request: Readonly<Record<string, MemberUsage>>
  /** Response members it received, by path. */
  readonly response: Readonly<Record<string, MemberUsage>>
  /** Error types it received, with how often. */
  readonly errors: Readonly<Record<string, number>>
  /** The errors the operation modelled when recorded. */
  readonly modelledErrors: readonly string[]
  /** The request's top-level member names when recorded. */
  readonly requestMembers: readonly string[]
}

/** What a consumer used of the API, as `cognito-contract.json` holds it. */
export interface ConsumerContract {
  readonly format: typeof CONTRACT_FORMAT
  readonly version: 1
  /** A name for the consumer, if one was given. */
  readonly consumer?: string | undefined
  /** The SHA-256 of each service model the traffic was recorded against. */
  readonly models: readonly string[]
  readonly operations: Readonly<Record<string, OperationUsage>>
}
