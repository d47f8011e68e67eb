import type { OperationName } from '../../../../schemas/operations.js'
import type { Credentials } from './sign.js'

/** What a provider's answer to one operation came to. */
export type Conformance = 'conforming' | 'deviating' | 'unsupported'

/** The rule a deviation breaks. */
export type Rule =
  | 'response-schema'
  | 'unmodelled-error'
  | 'malformed-response'
  | 'internal-error'
  | 'invalid-accepted'
  | 'validation-error'
  | 'validation-message'
  | 'pagination'
  | 'found-again'
  | 'transport'

/** One way a provider broke the contract, with the evidence. */
export interface Deviation {
  readonly rule: Rule
  /** What was expected and what came instead, naming the member and the constraint where there is one. */
  readonly message: string
  /** The request sent (sensitive members masked). */
  readonly request?: unknown
  /** The answer: status and body (cut at 2,000 characters). */
  readonly response?: { readonly status: number; readonly body: string } | undefined
}

/** The verdict on one operation. */
export interface OperationResult {
  readonly operation: OperationName
  readonly status: Conformance
  /** How many requests and checks it took. */
  readonly checks: number
  readonly deviations: readonly Deviation[]
  /** What the provider said when it answered that it does not implement the operation (or a flow or option of it). */
  readonly note?: string | undefined
}

/** The whole report. */
export interface VerifyReport {
  readonly endpoint: string
  readonly region: string
  readonly seed: number
  /** The name prefix of everything the run created. */
  readonly prefix: string
  /** Whether the run was stopped before it had checked every operation. */
  readonly interrupted: boolean
  readonly operations: readonly OperationResult[]
  readonly summary: { readonly conforming: number; readonly deviating: number; readonly unsupported: number }
  /** Pools deleted at the end (this run's) and at the start (left by an interrupted run). */
  readonly cleanup: { readonly deleted: number; readonly leftovers: number; readonly failed: readonly string[] }
}

/** Options of `verifyProvider`. */
export interface VerifyOptions {
  /** The provider's base URL (`http://127.0.0.1:9229/`). */
  readonly endpoint: string
  /** The region to sign for (default: the endpoint's, else us-east-1). */
  readonly region?: string | undefined
  /** Only these operations (default: all of the contract). */
  readonly operations?: readonly OperationName[] | undefined
  /** Seed of the drawn requests (default 0). */
  readonly seed?: number | undefined
  /** Valid and invalid requests drawn per operation (default 2 each). */
  readonly runs?: number | undefined
  /** Name prefix of what the run creates; pools with it are deleted at the start and end (default `cognito-idp-contract-verify-`). */
  readonly prefix?: string | undefined
  /** Allow an AWS endpoint (the run creates and deletes resources there). */
  readonly allowAws?: boolean | undefined
  /** Default: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN where set, else test/test. */
  readonly credentials?: Credentials | undefined
  /** Stops the run; what was created is still deleted and the report says `interrupted`. */
  readonly signal?: AbortSignal | undefined
  /** Called with each operation's verdict as it is reached. */
  readonly onResult?: ((result: OperationResult) => void) | undefined
  /** Milliseconds one request may take (default 10,000). */
  readonly timeout?: number | undefined
}

/** A run that could not start (an AWS endpoint without `allowAws`, an unreachable endpoint). */
export class VerifyError extends Error {
  override name = 'VerifyError'
}
