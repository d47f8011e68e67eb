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
