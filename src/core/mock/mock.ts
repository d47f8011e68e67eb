import { type OperationName, operations } from '../../../schemas/operations.js'
import { mergeContracts } from '../contract/merge.js'
import { ContractRecorder } from '../contract/record.js'
import type { ConsumerContract } from '../contract/types.js'
import { CognitoError, errorTypes, isCognitoError, mayAnswer } from '../protocol/errors.js'
import { type CallContext, handleWire } from '../protocol/handle.js'
import type { WireRequest, WireResponse } from '../protocol/types.js'
import { jsonCopy } from '../shared/json-copy.js'
import { seededRandom } from '../shared/random.js'
import { type Cognito, createCognito } from '../simulation/cognito.js'
import type { InvocationFilter, TriggerInvocation } from '../simulation/lambdas.js'
import type { DeliveredMessage, MessageFilter } from '../simulation/outbox.js'
import { validateOperation } from '../validate/validate-schema.js'
import type { AnswerSource, RecordedCall } from './calls.js'
import { GeneratedResponses } from './generated.js'
import type { CognitoMockOptions, ErrorOverride, OperationBehaviour, ResponseMode } from './options.js'
import { redact } from './redact.js'
import { wellKnown } from './well-known.js'

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
  /** Forgets recorded calls and runtime overrides, restores the configured ones (`once` ones too), and empties the simulation to its fixtures. */
  reset(): void
  /** Every email and SMS message the simulated pools would have delivered, oldest first. */
  messages(filter?: MessageFilter): DeliveredMessage[]
  /** The code (or temporary password) of the newest message matching the filter. */
  lastCode(filter?: MessageFilter): string | undefined
  /** Every Lambda trigger invocation since the start or the last reset, oldest first. */
  invocations(filter?: InvocationFilter): TriggerInvocation[]
  /** Resolves once the fixtures are seeded; rejects, naming the problem, when they cannot be. */
  readonly ready: Promise<void>
  /** The consumer contract recorded so far (the `contract` option turns recording on; reset() keeps it). */
  contract(): ConsumerContract
  /** What was recorded since the last call of this method: what a contract file has not had yet. */
  contractSinceLastTake(): ConsumerContract
}

/** How many of the latest calls `calls()` keeps unless `callHistory` says otherwise. */
const DEFAULT_CALL_HISTORY = 10_000
/** How far past the limit the history may grow before the oldest calls are dropped. */
const HISTORY_SLACK = 1_000
/** How many characters of request bodies the kept calls may hold together unless `callHistoryBytes` says otherwise (chosen). */
const DEFAULT_HISTORY_CHARACTERS = 64 * 1024 * 1024

/** The response header that says what answered a call (`simulation`, `generated`, `override`, `fault`, `protocol`). */
export const SOURCE_HEADER = 'x-cognito-idp-contract-source'

/** An invalid fixture fails where it is written, naming the member and the constraint. */
function checkStatic(operation: OperationName, response: unknown): void {
  if (typeof response === 'function') return
  const result = validateOperation(operations[operation], 'response', response)
  if (!result.valid)
    throw new TypeError(`cognito-idp-contract: the ${operation} response override is not valid: ${result.message}`)
}

/** Refuses, where it is written, an error the operation does not model. */
function checkError(operation: OperationName, error: ErrorOverride): void {
  if (!mayAnswer(operation, error.type)) {
    throw new TypeError(
      `cognito-idp-contract: ${operation} does not model ${error.type}; it may fail with ${errorTypes(operation).join(', ')}`,
    )
  }
}

function errorOf(error: ErrorOverride): CognitoError {
  return new CognitoError(error.type, error.message ?? `${error.type} (from the test's override)`, error.status)
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}

/** Creates a Cognito mock; every option is described in CognitoMockOptions. */
export function createCognitoMock(
  options: CognitoMockOptions & {
    readonly simulation?: Cognito | undefined
    /** The simulation already holds what the fixtures create (loaded from a data directory): seed them only on reset(). */
    readonly seeded?: boolean | undefined
  } = {},
): CognitoMock {
  const mode: ResponseMode = options.mode ?? 'auto'
  const seed = options.seed ?? 0
  const simulation =
    options.simulation ??
    createCognito({
      seed,
      reproducibleSecrets: options.reproducibleSecrets,
      lambdas: options.lambdas,
      lambdaTimeout: options.lambdaTimeout,
    })
  const fixtures = options.fixtures
  let ready: Promise<void> =
    fixtures && !options.seeded ? simulation.seed(fixtures).then(() => undefined) : Promise.resolve()
  ready.catch(() => undefined)
  const generated = new GeneratedResponses(seed, { presence: 'full', ...options.generated })
  const random = seededRandom(seed)
  const initial = Object.entries(options.operations ?? {}) as Array<[OperationName, OperationBehaviour]>
  for (const [op, behaviour] of initial) {
    if (behaviour.response !== undefined) checkStatic(op, behaviour.response)
    if (behaviour.error) checkError(op, behaviour.error)
  }
  let configured = new Map(initial)
  let runtime: Array<{ operation: OperationName; behaviour: OperationBehaviour }> = []
  let recorded: RecordedCall[] = []
  /** The request body's length of each kept call, and their sum: the history is bounded by both count and size. */
  let sizes: number[] = []
  let held = 0
  const history = Math.max(0, options.callHistory ?? DEFAULT_CALL_HISTORY)
  const historyCharacters = Math.max(0, options.callHistoryBytes ?? DEFAULT_HISTORY_CHARACTERS)
  const include = options.include ? new Set(options.include) : undefined
  const exclude = new Set(options.exclude ?? [])
  const served = (op: OperationName): boolean => (!include || include.has(op)) && !exclude.has(op)
  const recording = options.contract
  const recorder = recording
    ? new ContractRecorder({ consumer: typeof recording === 'object' ? recording.consumer : undefined })
    : undefined
  let recordedContract = mergeContracts([])
  let untaken = recordedContract
  const log = options.log === true ? (line: string) => console.info(line) : options.log || undefined

  /** The behaviour that applies to this call; a `once` behaviour is used up here. */
  const behaviourFor = (operation: OperationName): OperationBehaviour | undefined => {
    const index = runtime.findIndex((r) => r.operation === operation)
    if (index >= 0) {
      const { behaviour } = runtime[index]!
      if (behaviour.once) runtime.splice(index, 1)
      return behaviour
    }
    const behaviour = configured.get(operation)
    if (behaviour?.once && (behaviour.response !== undefined || behaviour.error))
      configured.set(operation, { mode: behaviour.mode })
    return behaviour
  }

  /** What answered each call in flight, by request id, and the region it went to. */
  const answered = new Map<string, { source: AnswerSource; region: string }>()

  const backend = async (
    operation: OperationName,
    input: Record<string, unknown>,
    context: CallContext,
  ): Promise<unknown> => {
    const call = { region: context.region, account: context.account }
    const mark = (source: AnswerSource) =>
      answered.set(context.requestId, { source, region: simulation.regionOf(input, call) })
    mark('protocol')
    if (!served(operation)) {
      throw new CognitoError(
        'UnhandledCognitoOperation',
        `cognito-idp-contract: ${operation} is excluded from these handlers (the include/exclude options), so the call was not answered.`,
        501,
      )
    }
    const faults = options.faults
    const roll = random()
    mark('fault')
    if (faults?.throttle && roll < faults.throttle) throw new CognitoError('TooManyRequestsException', 'Rate exceeded')
    if (faults?.internal && roll >= (faults.throttle ?? 0) && roll < (faults.throttle ?? 0) + faults.internal)
      throw new CognitoError('InternalErrorException', 'Internal error')
    const behaviour = behaviourFor(operation)
    mark('override')
    if (behaviour?.error) throw errorOf(behaviour.error)
    if (behaviour?.response !== undefined) {
      const response = behaviour.response
      if (typeof response !== 'function') return response
      try {
        return await (response as (i: unknown, c: CallContext) => unknown)(input, context)
      } catch (error) {
        if (isCognitoError(error) && !mayAnswer(operation, error.name)) {
          throw new CognitoError(
            'InternalErrorException',
            `cognito-idp-contract: the ${operation} response callback threw ${error.name}, which ${operation} does not model; it may fail with ${errorTypes(operation).join(', ')}`,
          )
        }
        throw error
      }
    }
    const which = behaviour?.mode ?? mode
    if (which === 'auto' && !simulation.implements(operation)) {
      mark('simulation')
      await ready.catch(() => undefined)
      // An operation the simulation does not implement still names a pool it holds, or is refused as Cognito refuses
      // an unknown pool, so generated data never contradicts simulated state.
      const poolId = input['UserPoolId']
      if (
        typeof poolId === 'string' &&
        mayAnswer(operation, 'ResourceNotFoundException') &&
        !simulation.holds(poolId, call)
      )
        throw new CognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`)
    }
    if (which === 'generated' || (which === 'auto' && !simulation.implements(operation))) {
      mark('generated')
      return generated.respond(operation, input)
    }
    mark('simulation')
    if (!simulation.implements(operation)) {
      throw new CognitoError(
        'UnhandledCognitoOperation',
        `cognito-idp-contract: ${operation} is not simulated; use mode 'auto' or 'generated', or give it a response.`,
        501,
      )
    }
    try {
      await ready
    } catch (error) {
      throw new CognitoError(
        'InternalErrorException',
        `cognito-idp-contract: the fixtures could not be seeded: ${(error as Error).message}`,
      )
    }
    return simulation.handle(operation, input, { region: context.region, account: context.account })
  }

  const contract = (): ConsumerContract => {
    if (!recorder)
      throw new TypeError(
        'cognito-idp-contract: contract() needs the contract option (contract: true, or { consumer, file })',
      )
    const taken = recorder.take()
    recordedContract = mergeContracts([recordedContract, taken])
    untaken = mergeContracts([untaken, taken])
    return recordedContract
  }

  const latency = (): number => {
    const l = options.latency
    if (l === undefined) return 0
    return typeof l === 'number' ? l : l.min + random() * (l.max - l.min)
  }

  return {
    simulation,
    get ready() {
      return ready
    },
    messages: (filter) => simulation.messages(filter),
    lastCode: (filter) => simulation.lastCode(filter),
    invocations: (filter) => simulation.invocations(filter),
    async handle(request) {
      const document = (await wellKnown(request, simulation)) ?? (await simulation.hosted(request))
      if (document) return document
      const wait = latency()
      const start = performance.now()
      let source: AnswerSource = 'protocol'
      const response = await handleWire(request, backend, {
        onExchange: (exchange) => {
          const seen = answered.get(exchange.requestId)
          answered.delete(exchange.requestId)
          source = seen?.source ?? 'protocol'
          // Members named one by one: spreading the exchange cost more than the rest of the mock's work together.
          const shared = exchange.output
          let own: unknown
          const call: RecordedCall = {
            operation: exchange.operation,
            input: exchange.input,
            // Answers given again (generated ones, the simulation's kept reads) are frozen and shared: a test that reads
            // one gets its own copy, made when first read, so what it changes never reaches the next call.
            get output() {
              if (own === undefined) own = Object.isFrozen(shared) ? jsonCopy(shared) : shared
              return own
            },
            error: exchange.error,
            requestId: exchange.requestId,
            time: Date.now(),
            unhandled: exchange.error?.type === 'UnhandledCognitoOperation',
            source,
            region: seen?.region ?? simulation.regionOf({}, {}),
            ms: Math.round((performance.now() - start) * 10) / 10,
          }
          recorded.push(call)
          sizes.push(request.body.length)
          held += request.body.length
          // Chosen: older calls are dropped in batches, so keeping the history bounded costs one splice per batch.
          if (recorded.length > history + HISTORY_SLACK || held > historyCharacters) {
            let drop = recorded.length > history + HISTORY_SLACK ? recorded.length - history : 0
            let left = held
            for (let i = 0; i < drop; i++) left -= sizes[i]!
            // Past the size bound, the oldest go until what is kept holds at most half of it.
            if (left > historyCharacters)
              while (left > historyCharacters / 2 && drop < recorded.length) left -= sizes[drop++]!
            recorded.splice(0, drop)
            sizes.splice(0, drop)
            held = left
          }
          if (recorder && exchange.operation && !call.unhandled)
            recorder.add(exchange.operation, exchange.input, exchange.output, exchange.error?.type)
          options.onCall?.(call)
          if (log && exchange.operation) {
            const schema = operations[exchange.operation]
            log(
              `cognito-idp ${exchange.operation} ${JSON.stringify(redact(schema.input, exchange.input))} -> ${exchange.error ? `${exchange.error.type}: ${exchange.error.message}` : JSON.stringify(redact(schema.output, exchange.output))}`,
            )
          }
        },
      })
      await delay(wait)
      return { status: response.status, headers: { ...response.headers, [SOURCE_HEADER]: source }, body: response.body }
    },
    contract,
    contractSinceLastTake() {
      contract()
      const out = untaken
      untaken = mergeContracts([])
      return out
    },
    calls: <K extends OperationName = OperationName>(
      filter?: K | { readonly operation?: K | undefined },
    ): RecordedCall<K>[] => {
      const operation = typeof filter === 'object' ? filter.operation : filter
      return recorded.filter(
        (c) => operation === undefined || c.operation === operation,
      ) as unknown as RecordedCall<K>[]
    },
    unhandled: () => recorded.filter((c) => c.unhandled),
    respond(operation, response, opts) {
      checkStatic(operation, response)
      runtime.unshift({ operation, behaviour: { response: response as never, once: opts?.once } })
    },
    fail(operation, error, opts) {
      checkError(operation, error)
      runtime.unshift({ operation, behaviour: { error, once: opts?.once } })
    },
    reset() {
      runtime = []
      recorded = []
      sizes = []
      held = 0
      configured = new Map(initial)
      simulation.reset()
      ready = fixtures ? simulation.seed(fixtures).then(() => undefined) : Promise.resolve()
      ready.catch(() => undefined)
    },
  }
}
