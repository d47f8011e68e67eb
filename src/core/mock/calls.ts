import type { OperationName } from '../../../schemas/operations.js'

/** What answered a call: the simulation, generated data, a test's override, an injected fault, or the protocol itself (a request refused before any of those). */
export type AnswerSource = 'simulation' | 'generated' | 'override' | 'fault' | 'protocol'

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
  /** What answered it. */
  readonly source: AnswerSource
  /** The region the call was answered in (the endpoint's, the credential scope's, or the simulation's choice). */
  readonly region: string
  /** How long it took to answer, in milliseconds. */
  readonly ms: number
}
