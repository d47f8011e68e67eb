import { type OperationName, operations } from '../../../schemas/operations.js'

/** A Cognito error: its `__type`, its message and the HTTP status it travels with. */
export class CognitoError extends Error {
  override readonly name: string
  /** The HTTP status: 500 for server faults, 400 otherwise (as Cognito documents for every modelled error). */
  readonly status: number

  constructor(type: string, message: string, status = SERVER_FAULTS.has(type) ? 500 : 400) {
    super(message)
    this.name = type
    this.status = status
  }

  /** The error's type as it appears in `__type` and `x-amzn-ErrorType`. */
  get type(): string {
    return this.name
  }
}

/** Error shapes the model marks as server faults. */
export const SERVER_FAULTS: ReadonlySet<string> = new Set(['InternalErrorException', 'InternalServerException'])

/** Whether a thrown value is a CognitoError (also across package copies). */
export function isCognitoError(error: unknown): error is CognitoError {
  return (
    error instanceof CognitoError ||
    (error instanceof Error &&
      typeof (error as { status?: unknown }).status === 'number' &&
      /Exception$/.test(error.name))
  )
}

/** Errors any operation may answer with, modelled or not: server faults and throttling. */
export const SERVICE_ERRORS = ['InternalErrorException', 'TooManyRequestsException'] as const

/** An error any operation may answer with. */
export type ServiceError = (typeof SERVICE_ERRORS)[number]

/** The errors an operation models, as its descriptor lists them. */
export type ModelledError<K extends OperationName> = (typeof operations)[K]['errors'][number]

/**
 * Errors an operation's own documentation in the model says it returns, though its list of errors leaves them
 * out: AdminCreateUser's ForceAliasCreation "throws an AliasExistsException error if the alias already exists".
 */
export const DOCUMENTED_ERRORS = {
  AdminCreateUser: ['AliasExistsException'],
} as const satisfies Partial<Record<OperationName, readonly string[]>>

type DocumentedError<K extends OperationName> = K extends keyof typeof DOCUMENTED_ERRORS
  ? (typeof DOCUMENTED_ERRORS)[K][number]
  : never

/** The error types operation K may answer with: its modelled errors, the ones its documentation adds, and the service-wide ones. */
export type ErrorType<K extends OperationName> = ModelledError<K> | DocumentedError<K> | ServiceError

/** The error types an operation may answer with, sorted. */
export function errorTypes(operation: OperationName): string[] {
  const documented: readonly string[] =
    (DOCUMENTED_ERRORS as Partial<Record<OperationName, readonly string[]>>)[operation] ?? []
  return [...new Set([...operations[operation].errors, ...documented, ...SERVICE_ERRORS])].sort()
}

/** Whether operation K may answer with an error of this type. */
export function mayAnswer(operation: OperationName, type: string): boolean {
  return errorTypes(operation).includes(type)
}
