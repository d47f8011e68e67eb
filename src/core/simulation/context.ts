import type { OperationName } from '../../../schemas/operations.js'
import { CognitoError, type ErrorType } from '../protocol/errors.js'
import type { IdGenerator } from './engine/ids.js'
import type { SecretSource } from './engine/secrets.js'
import type { LambdaRuntime } from './lambdas.js'
import type { Partition, Store, Tables } from './schema.js'

/** What every simulated operation works with: its partition's tables, the clock and the id generator. */
export interface Context {
  /** The tables of the (account, region) partition the call reached. */
  readonly tables: Tables
  readonly partition: Partition
  readonly region: string
  readonly account: string
  /** The address the call came from, when the adapter saw one (`serve` does; in-process calls have none). */
  readonly sourceIp?: string | undefined
  /** The origin a call was sent to when it was not AWS's own endpoint (`serve`, a local MSW endpoint): URLs the call gives out point there. */
  readonly endpoint?: string | undefined
  /** Every partition, for the rare lookup that crosses them. */
  readonly store: Store
  /** Ids (pool, client and user ids, subs, device keys): the same seed gives the same ids. */
  readonly ids: IdGenerator
  /** Secrets (passwords, codes, tokens, client and TOTP secrets, sessions): random unless the caller asked for reproducible ones. */
  readonly secrets: SecretSource
  /** The current time in epoch seconds with milliseconds, as Cognito's timestamps travel. */
  now(): number
  /** The trigger functions the test handed in, and the record of their invocations. */
  readonly lambdas: LambdaRuntime
  /** A change to make if this call fails, after its other changes are undone (a failed attempt that still counts). */
  whenFailed(change: () => void): void
}

/**
 * A context that may throw the errors `E`. Its phantom member is contravariant in `E`, so an operation's
 * context (which may throw all of that operation's modelled errors) is accepted by a helper that needs
 * only some of them, and refused by one that needs an error the operation does not model.
 */
export interface Can<E extends string> extends Context {
  readonly throws?: (error: E) => void
}

/** The context of operation K: it may throw K's modelled errors and the service-wide ones. */
export type OperationContext<K extends OperationName> = Can<ErrorType<K>>

/** A Cognito error that the context's operation is allowed to answer with (checked by the type). */
export function fail<E extends string>(_cx: Can<E>, type: NoInfer<E>, message: string): CognitoError {
  return new CognitoError(type, message)
}
