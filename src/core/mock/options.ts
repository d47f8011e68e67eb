import type { Operations } from '../../../generated/types.js'
import type { OperationName } from '../../../schemas/operations.js'
import type { ArbitraryOptions } from '../arbitraries/options.js'
import type { ErrorType } from '../protocol/errors.js'
import type { CallContext } from '../protocol/handle.js'
import type { Fixtures } from '../simulation/fixtures.js'
import type { Lambdas } from '../simulation/lambdas.js'
import type { RecordedCall } from './calls.js'

/** Where responses come from: the stateful simulation, data drawn from the arbitraries, or (auto) the simulation where it implements the operation. */
export type ResponseMode = 'auto' | 'simulation' | 'generated'

/** A fixed response, or a function of the validated input that returns (or resolves to) one. */
export type ResponseOverride<K extends OperationName> =
  | Operations[K]['output']
  | ((
      input: Operations[K]['input'],
      context: CallContext,
    ) => Operations[K]['output'] | Promise<Operations[K]['output']>)

/** An error to answer with: one the operation models (or throttling, or an internal fault) and its message. */
export interface ErrorOverride<K extends OperationName = OperationName> {
  readonly type: ErrorType<K>
  readonly message?: string | undefined
  /** HTTP status; 500 for server faults and 400 otherwise when not given. */
  readonly status?: number | undefined
}

/** How one operation behaves; anything left out follows the handler-wide options. */
export interface OperationBehaviour<K extends OperationName = OperationName> {
  readonly mode?: Exclude<ResponseMode, 'auto'> | undefined
  readonly response?: ResponseOverride<K> | undefined
  readonly error?: ErrorOverride<K> | undefined
  /** Use the response or error once, then fall back (MSW's `once`). */
  readonly once?: boolean | undefined
}

/** Latency of every response: a fixed number of milliseconds or a range drawn from. */
export type Latency = number | { readonly min: number; readonly max: number }

/** Options of the Cognito mock (and of `cognitoHandlers`). */
export interface CognitoMockOptions {
  /** Default `auto`: the simulation for the operations it implements, generated data for the rest. */
  readonly mode?: ResponseMode | undefined
  /** Seed of ids, generated responses, latency and faults. Default 0. */
  readonly seed?: number | undefined
  /**
   * Draws the simulation's secrets (passwords, codes, tokens, client and TOTP secrets, sessions) from the seed too, so
   * the same calls give the same secrets, and signs tokens with published key pairs (the same on every machine).
   * Default false: secrets and keys are random. For golden tests; codes sent can be read from `messages()` without it.
   */
  readonly reproducibleSecrets?: boolean | undefined
  /** Per operation: a fixed or computed response, an error, a mode. */
  readonly operations?: { readonly [K in OperationName]?: OperationBehaviour<K> } | undefined
  /** Only these operations are served; others fail the call with a clear message. */
  readonly include?: readonly OperationName[] | undefined
  /** These operations are not served; calls to them fail with a clear message. */
  readonly exclude?: readonly OperationName[] | undefined
  readonly latency?: Latency | undefined
  /** Fractions (0 to 1) of calls that fail with TooManyRequestsException or InternalErrorException. */
  readonly faults?: { readonly throttle?: number; readonly internal?: number } | undefined
  /**
   * Enforces Cognito's request-rate quotas in the simulation: a call past its API category's provisioned rate within
   * the last second answers TooManyRequestsException "Rate exceeded" (see the simulation's `rateLimits`). Default false.
   */
  readonly rateLimits?: boolean | undefined
  /** Options of the arbitraries behind generated responses; presence defaults to `full`, as Cognito fills what it has. */
  readonly generated?: ArbitraryOptions | undefined
  /** Logs one line per call (sensitive values redacted): `true` for console.info, or a function. */
  readonly log?: (boolean | ((line: string) => void)) | undefined
  /** Pools, clients, groups and users the simulation starts with (and goes back to on `reset()`). */
  readonly fixtures?: Fixtures | undefined
  /** Called with each call once it is answered (what `calls()` records), for logs. */
  readonly onCall?: ((call: RecordedCall) => void) | undefined
  /**
   * Records the consumer's traffic into a consumer contract, read with `contract()` (reset() keeps it). `file` is
   * written, merged with what it holds, by msw/node's `server.close()` and when `serve` stops.
   */
  readonly contract?: boolean | ContractOptions | undefined
  /** Lambda trigger functions by ARN or name, run where a pool's LambdaConfig names them. */
  readonly lambdas?: Lambdas | undefined
  /** Milliseconds a trigger may take (Cognito's 5 seconds by default). */
  readonly lambdaTimeout?: number | undefined
  /**
   * How many of the latest calls `calls()` keeps (10,000 by default; `Infinity` keeps every one). A long-running
   * `serve` or a benchmark would otherwise hold every request and response it ever answered.
   */
  readonly callHistory?: number | undefined
  /**
   * How many characters of request bodies the kept calls may hold together (64 Mi by default): past it the oldest
   * calls are dropped, so large requests cannot grow a long-running `serve` without end.
   */
  readonly callHistoryBytes?: number | undefined
}

/** Options of contract recording. */
export interface ContractOptions {
  /** A name for the consumer, kept in the contract. */
  readonly consumer?: string | undefined
  /** Where adapters that can write files keep the contract (merged with what the file holds). */
  readonly file?: string | undefined
}
