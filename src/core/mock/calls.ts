import type { OperationName } from '../../../schemas/operations.js'

/** One call the mock answered (or refused). */
export interface RecordedCall {
  readonly operation: OperationName | undefined
  /** The request body as parsed JSON (validated when the call got that far). */
  readonly input: unknown
  readonly output?: unknown | undefined
  readonly error?: { readonly type: string; readonly message: string; readonly status: number } | undefined
  readonly requestId: string
  /** When the call was answered (epoch milliseconds). */
  readonly time: number
  /** Whether the operation was excluded from the handlers (the call failed for that reason). */
  readonly unhandled: boolean
}
