import type { Operations } from '../../../generated/types.js'
import type { OperationName } from '../../../schemas/operations.js'

/** What answered a call: the simulation, generated data, a test's override, an injected fault, or the protocol itself (a request refused before any of those). */
export type AnswerSource = 'simulation' | 'generated' | 'override' | 'fault' | 'protocol'

/** A member's type in the record of calls to K: the operation's own when K is one operation, unknown for any. */
type Of<K extends OperationName, Side extends 'input' | 'output'> = OperationName extends K
  ? unknown
  : Operations[K][Side]

/**
 * One call the mock answered (or refused). `calls('InitiateAuth')` gives `RecordedCall<'InitiateAuth'>`, whose input
 * and output are typed as that operation's request and response (a refused call's input is what was sent).
 */
export interface RecordedCall<K extends OperationName = OperationName> {
  readonly operation: (OperationName extends K ? OperationName : K) | undefined
  /** The request body as parsed JSON, without the members the operation does not model when it was valid. */
  readonly input: Of<K, 'input'>
  readonly output?: Of<K, 'output'> | undefined
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
