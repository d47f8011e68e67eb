import type { OperationName } from '../../../schemas/operations.js'
import type { ConsumerContract } from '../contract/types.js'
import type { WireRequest, WireResponse } from '../protocol/types.js'
import type { Cognito } from '../simulation/cognito.js'
import type { InvocationFilter, TriggerInvocation } from '../simulation/lambdas.js'
import type { DeliveredMessage, MessageFilter } from '../simulation/outbox.js'
import type { AuthEventFilter, RecordedAuthEvent } from '../simulation/resources/auth-events.js'
import { type Answered, createBackend } from './backend.js'
import type { RecordedCall } from './calls.js'
import { ContractRecording } from './contract-recording.js'
import { controls } from './controls.js'
import { createHandle } from './handle.js'
import { CallHistory } from './history.js'
import type { ErrorOverride, OperationBehaviour } from './options.js'
import { Overrides } from './overrides.js'
import { type MockOptions, resolveOptions, seedFixtures } from './setup.js'

/** The response header that says what answered a call. */
export { SOURCE_HEADER } from './handle.js'

/** A Cognito mock: the wire protocol over the simulation, generated data and the caller's overrides. */
export interface CognitoMock {
  /** Answers one HTTP request (what every adapter calls). */
  handle(request: WireRequest): Promise<WireResponse>
  /** The simulation behind simulated operations. */
  readonly simulation: Cognito
  /** Calls answered so far, optionally for one operation. */
  calls<K extends OperationName = OperationName>(
    operation?: K | { readonly operation?: K | undefined },
  ): RecordedCall<K>[]
  /** Calls to operations excluded from the handlers. */
  unhandled(): RecordedCall[]
  /** Makes an operation answer with this response (validated now if static), once or until reset. */
  respond<K extends OperationName>(
    operation: K,
    response: NonNullable<OperationBehaviour<K>['response']>,
    options?: { readonly once?: boolean } | undefined,
  ): void
  /** Makes an operation fail with one of its modelled errors (or throttling, or an internal fault), once or until reset. */
  fail<K extends OperationName>(
    operation: K,
    error: ErrorOverride<K>,
    options?: { readonly once?: boolean | undefined },
  ): void
  /**
   * The server side only: forgets recorded calls and runtime overrides, restores the configured ones (`once` ones
   * too), and empties the simulation back to its fixtures (users, sessions, issued tokens, codes, messages, trigger
   * invocations, threat protection's settings); the recorded contract stays. What clients keep (Amplify's tokens in
   * localStorage) stays too: `resetCognito` from `cognito-idp-contract/testing` clears both sides.
   */
  reset(): void
  /** Every email and SMS message the simulated pools would have delivered, oldest first. */
  messages(filter?: MessageFilter): DeliveredMessage[]
  /** The code (or temporary password) of the newest message matching the filter. */
  lastCode(filter?: MessageFilter): string | undefined
  /** Every Lambda trigger invocation since the start or the last reset, oldest first. */
  invocations(filter?: InvocationFilter): TriggerInvocation[]
  /** Threat protection's auth events of every user, oldest first, each with its pool and username. */
  authEvents(filter?: AuthEventFilter): RecordedAuthEvent[]
  /** Resolves once the fixtures are seeded; rejects, naming the problem, when they cannot be. */
  readonly ready: Promise<void>
  /** The consumer contract recorded so far (the `contract` option turns recording on; reset() keeps it). */
  contract(): ConsumerContract
  /** What was recorded since the last call of this method: what a contract file has not had yet. */
  contractSinceLastTake(): ConsumerContract
}

/** Creates a Cognito mock; every option is described in CognitoMockOptions. */
export function createCognitoMock(options: MockOptions = {}): CognitoMock {
  const setup = resolveOptions(options)
  const ready = { current: options.seeded ? Promise.resolve() : seedFixtures(setup.simulation, setup.fixtures) }
  const overrides = new Overrides(options.operations)
  const history = new CallHistory(options)
  const recording = new ContractRecording(options.contract)
  const answered: Answered = new Map()
  const backend = createBackend({ setup, options, overrides, answered, ready: () => ready.current })
  const handle = createHandle({ setup, options, backend, answered, history, recording })
  return controls({ setup, handle, overrides, history, recording, ready })
}
