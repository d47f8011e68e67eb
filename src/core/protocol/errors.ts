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

/** The error types operation K may answer with: its modelled errors and the service-wide ones. */
export type ErrorType<K extends OperationName> = ModelledError<K> | ServiceError

/** Whether operation K may answer with an error of this type. */
export function mayAnswer(operation: OperationName, type: string): boolean {
  return (
    (operations[operation].errors as readonly string[]).includes(type) ||
    (SERVICE_ERRORS as readonly string[]).includes(type)
  )
}

/** The error types an operation may answer with, for messages. */
export function errorTypes(operation: OperationName): string[] {
  return [...new Set([...operations[operation].errors, ...SERVICE_ERRORS])].sort()
}
