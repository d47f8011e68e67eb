import type { Operations, UserPoolType } from '../../../generated/types.js'
import { operations } from '../../../schemas/operations.js'
import { markText } from '../protocol/checked.js'
import { CognitoError, mayAnswer } from '../protocol/errors.js'
import { deepFreeze } from '../shared/deep-freeze.js'
import { knownMembers } from '../validate/known-members.js'
import { validateOperation } from '../validate/validate-schema.js'
import type { Context, OperationContext } from './context.js'
import { applyRisk, poolOrFail } from './controls.js'
import { runDefinition, type SimulatedOperationDefinition } from './define.js'
import { Store, type StoreCommit, type StoreSnapshot } from './engine/store.js'
import { type Fixtures, seedFixtures } from './fixtures.js'
import { catchUp } from './flows/import-progress.js'
import { answerUpload } from './flows/import-upload.js'
import { answerHosted, type HostedRequest, type HostedResponse } from './hosted/index.js'
import type { InvocationFilter, LambdaOptions, TriggerInvocation } from './lambdas.js'
import { type CallInfo, localEndpoint, regionHint, replicaRoute } from './locate.js'
import { SIMULATED } from './operations/index.js'
import { type DeliveredMessage, deliveredMessages, type MessageFilter } from './outbox.js'
import { type AuthEventFilter, matchingEvents, type RecordedAuthEvent } from './resources/auth-events.js'
import { importLog, jobKey } from './resources/import-jobs.js'
import { prepareKeys } from './resources/keyring.js'
import { type JsonWebKeySet, jwksOf } from './resources/keys.js'
import { RateLimiter } from './resources/limits-rate.js'
import { preparePublishedKeys } from './resources/published-ring.js'
import { secondaryRefusal } from './resources/replica-policy.js'
import { addCompromised, type RiskSetting } from './resources/risk-controls.js'
import { TABLES } from './schema.js'
import { lambdaRuntime } from './triggers/runtime.js'

/**
 * Reads whose answer is a function of the stored rows, the input and the caller alone (no access tokens, no clock):
 * answered again from what they gave while the store is unchanged (chosen: the describe and get operations and the
 * lists, whose pagination tokens name a position in creation order).
 */
const STORED_READS: ReadonlySet<string> = new Set([
  'DescribeUserPool',
  'DescribeUserPoolClient',
  'DescribeIdentityProvider',
  'GetIdentityProviderByIdentifier',
  'GetGroup',
  'AdminGetUser',
  'DescribeUserPoolDomain',
  'DescribeResourceServer',
  'GetCSVHeader',
  'ListUserPools',
  'ListUserPoolClients',
  'ListIdentityProviders',
  'ListGroups',
  'ListUsersInGroup',
  'AdminListGroupsForUser',
  'ListResourceServers',
  'ListTagsForResource',
  'AdminListDevices',
  'ListUsers',
])

/** The operations on replicas: answered in the Region the call reached, whether the pool's primary or a secondary. */
const REPLICA_OPERATIONS: ReadonlySet<string> = new Set([
  'CreateUserPoolReplica',
  'UpdateUserPoolReplica',
  'DeleteUserPoolReplica',
  'ListUserPoolReplicas',
])

/** Kept reads whose answer also depends on the clock's whole second (ListUsers' tokens carry their issue second). */
const CLOCKED_READS: ReadonlySet<string> = new Set(['ListUsers'])

/** Chosen bounds on the kept answers: at most this many, holding at most this many characters of text together. */
const KEPT_ANSWERS = 1_000
const KEPT_CHARACTERS = 8_000_000
/** Chosen: an answer longer than this (a sixteenth of the whole) is given but not kept. */
const KEPT_ANSWER_CHARACTERS = KEPT_CHARACTERS / 16

/** The operations the simulation implements. */
export type SimulatedOperation = (typeof SIMULATED)[number]['name']
/** Their names, in a stable order. */
export const SIMULATED_OPERATIONS: readonly SimulatedOperation[] = SIMULATED.map((d) => d.name)
const DEFINITIONS = new Map<string, SimulatedOperationDefinition>(
  SIMULATED.map((d) => [d.name, d as unknown as SimulatedOperationDefinition]),
)

/** The plain-JSON form of the whole state, as `snapshot()` returns it. */
export type CognitoSnapshot = StoreSnapshot

/** Options of a simulated Cognito. */
export interface SimulationOptions extends LambdaOptions {
  /** The region of calls that name none (direct `send` calls, unsigned calls to a local endpoint). Default `us-east-1`. */
  readonly region?: string | undefined
  /** The account of calls whose credentials name none. Default `123456789012`. */
  readonly accountId?: string | undefined
  /** The clock: epoch milliseconds or a Date. Default: `Date.now()` at each call, so fake timers (`vi.setSystemTime`) move it. */
  readonly clock?: (() => number | Date) | undefined
  /** Seed of the id generator: the same seed gives the same ids. Default 0. */
  readonly seed?: number | undefined
  /**
   * Draws secrets (passwords, codes, tokens, client and TOTP secrets, sessions) from the seed too, so the same calls
   * give the same secrets, and signs tokens with published key pairs (resources/published-keys.ts). Default false:
   * secrets and signing keys come from a CSPRNG. For golden tests only; never for a shared server.
   */
  readonly reproducibleSecrets?: boolean | undefined
  /** Told of every committed change and every wholesale replacement (reset, restore), to keep state elsewhere. */
  readonly journal?: Journal | undefined
  /**
   * Enforces Cognito's request-rate quotas: a call past its API category's provisioned rate (GetProvisionedLimit,
   * UpdateProvisionedLimit) within the last second of the clock answers TooManyRequestsException "Rate exceeded", so
   * an app's retries can be tested. Default false.
   */
  readonly rateLimits?: boolean | undefined
}

/** What keeps the simulation's state elsewhere (a data directory): each commit, before its call is answered. */
export interface Journal {
  /** A transaction's changes; throwing undoes the transaction and fails its call. */
  commit(commit: StoreCommit): void
  /** The whole state was replaced (reset, restore). */
  replace(snapshot: CognitoSnapshot): void
}

/** A simulated Cognito user pools service, with state in memory, kept apart per account and region. */
export interface Cognito {
  /** The region of calls that name none. */
  readonly region: string
  /** The account of calls whose credentials name none. */
  readonly accountId: string
  /** The operations this simulation implements. */
  readonly operations: readonly SimulatedOperation[]
  /** Whether it implements an operation. */
  implements(operation: string): operation is SimulatedOperation
  /** Runs an operation: validates the input as Cognito would, then resolves to a copy of its output or rejects with a CognitoError. */
  send<K extends SimulatedOperation>(
    operation: K,
    input: Operations[K]['input'],
    call?: CallInfo,
  ): Promise<Operations[K]['output']>
  /** Runs an operation on input already validated (for protocol backends); calls are answered one at a time. */
  handle(operation: SimulatedOperation, input: unknown, call?: CallInfo): Promise<unknown>
  /**
   * Answers a request to a pool's domain (hosted UI pages and OAuth 2.0 endpoints, at its real host or at
   * `<origin>/_domain/<domain>/…`) or to its OpenID discovery document; undefined for any other URL.
   */
  hosted(request: HostedRequest): Promise<HostedResponse | undefined>
  /** Forgets everything: no pools, ids from the start of the seeded sequence. */
  reset(): void
  /** The whole state as plain JSON. */
  snapshot(): CognitoSnapshot
  /** Puts back a state `snapshot()` returned. */
  restore(snapshot: CognitoSnapshot): void
  /** Applies a commit a journal recorded (replaying it on top of a snapshot); applying it twice changes nothing more. */
  apply(commit: StoreCommit): void
  /** Creates pools with their providers, clients, groups and users in one all-or-nothing call, through the same rules as the operations. */
  seed(fixtures: Fixtures): Promise<UserPoolType[]>
  /** Every email and SMS message the pools would have delivered, oldest first, optionally only those matching a filter. */
  messages(filter?: MessageFilter): DeliveredMessage[]
  /** The code (or temporary password) of the newest message matching the filter, if there is one. */
  lastCode(filter?: MessageFilter): string | undefined
  /** Whether the simulation holds a user pool, in the partition a call with this account and region reaches. */
  holds(poolId: string, call?: CallInfo): boolean
  /** The accounts and regions that hold at least one user pool (read from the store, without a snapshot). */
  places(): Array<{ readonly account: string; readonly region: string }>
  /** The region a call with this input would be answered in. */
  regionOf(input: unknown, call?: CallInfo): string
  /** Every trigger invocation since the start (or the last reset), oldest first, optionally only those matching a filter. */
  invocations(filter?: InvocationFilter): TriggerInvocation[]
  /**
   * Threat protection's auth events of every user (sign-ins, sign-ups, password changes and resets), oldest first, each
   * as AdminListUserAuthEvents lists it with its pool and username, optionally only those matching a filter.
   */
  authEvents(filter?: AuthEventFilter): RecordedAuthEvent[]
  /** The pool's JSON Web Key Set (its signing keys made if it had none), or undefined when the pool does not exist. */
  jwks(poolId: string, call?: CallInfo): Promise<JsonWebKeySet | undefined>
  /**
   * Threat protection under test: fixes the risk level of the next sign-ins of a user or from an IP address (every
   * one until cleared with `level: null`, or the next `times`). Rejects with ResourceNotFoundException or
   * UserNotFoundException for a pool or user that does not exist.
   */
  setRisk(setting: RiskSetting, call?: CallInfo): Promise<void>
  /** Threat protection under test: passwords the pool treats as compromised (kept as SHA-256 hashes, never in clear). */
  addCompromisedPasswords(userPoolId: string, passwords: readonly string[], call?: CallInfo): Promise<void>
  /**
   * A user import job's per-row results so far, oldest first, as Cognito writes them to CloudWatch Logs (log group
   * `/aws/cognito/userpools/<poolId>/<poolName>`, stream `<jobId>/<jobName>`): `[SUCCEEDED] Line Number 2 - The import
   * succeeded.`, `[SKIPPED] …`, `[FAILED] …`. Chosen: read here, as the simulation has no CloudWatch. Rejects with
   * ResourceNotFoundException for a job that does not exist.
   */
  importResults(userPoolId: string, jobId: string, call?: CallInfo): Promise<string[]>
}

/** The input validated as Cognito would, without the members the operation does not model (never stored or echoed). */
function checked<K extends keyof Operations>(operation: K, input: unknown): Operations[K]['input'] {
  const result = validateOperation(operations[operation], 'request', input)
  if (!result.valid) throw new CognitoError(result.exception, result.message)
  return knownMembers(operations[operation].input, input) as Operations[K]['input']
}

/** Creates a simulated Cognito; two instances never share state. */
export function createCognito(options: SimulationOptions = {}): Cognito {
  const seed = options.seed ?? 0
  const defaultRegion = options.region ?? 'us-east-1'
  const defaultAccount = options.accountId ?? '123456789012'
  const clock = options.clock ?? (() => Date.now())
  const journal = options.journal
  const newStore = () => {
    const created = new Store(TABLES, seed, options.reproducibleSecrets === true)
    if (journal) created.recordTo(journal)
    return created
  }
  let store = newStore()
  const now = (): number => {
    const t = clock()
    return Math.round(t instanceof Date ? t.getTime() : t) / 1000
  }
  const lambdas = lambdaRuntime(options)
  const limiter = options.rateLimits ? new RateLimiter() : undefined
  // With reproducible secrets the keys are the published ones, the same on every machine; else made from a CSPRNG.
  if (options.reproducibleSecrets === true) preparePublishedKeys()
  else prepareKeys()

  const context = (region: string, account: string, sourceIp?: string, endpoint?: string): Context => {
    const partition = store.partition(account, region)
    return {
      ...(sourceIp !== undefined && { sourceIp }),
      ...(endpoint !== undefined && { endpoint }),
      tables: partition.tables,
      partition,
      region,
      account,
      store,
      ids: store.ids,
      secrets: store.secrets,
      now,
      whenFailed: (change) => store.whenFailed(change),
      lambdas,
    }
  }

  /** Runs an operation inside the exclusive section already open. */
  const execute = (operation: SimulatedOperation, input: unknown, call: CallInfo = {}): Promise<unknown> => {
    const definition = DEFINITIONS.get(operation)
    if (!definition)
      throw new CognitoError('InternalErrorException', `cognito-idp-contract: ${operation} is not simulated`)
    const account = call.account ?? defaultAccount
    const fields = (input ?? {}) as Record<string, unknown>
    let region = call.region ?? regionHint(store, account, fields) ?? defaultRegion
    // A call that names its region and reaches a pool's secondary Region is answered from the primary's partition,
    // unless the secondary refuses it (resources/replica-policy.ts). The replica operations look for themselves.
    const route =
      call.region !== undefined && !REPLICA_OPERATIONS.has(operation) && replicaRoute(store, account, region, fields)
    if (route) {
      const refusal = secondaryRefusal(operation, route.replica, fields)
      if (refusal !== undefined && mayAnswer(operation, 'OperationNotEnabledException'))
        throw new CognitoError('OperationNotEnabledException', refusal)
      region = route.primaryRegion
    }
    const cx = context(region, account, call.sourceIp, localEndpoint(call.url)) as OperationContext<SimulatedOperation>
    limiter?.admit(cx, operation, input)
    return runDefinition(definition, cx as never, input as never)
  }

  const regionOf = (poolId: string, call: CallInfo): string =>
    call.region ?? regionHint(store, call.account ?? defaultAccount, { UserPoolId: poolId }) ?? defaultRegion

  // Answers of reads that depend on stored rows alone, kept while nothing stored changes (frozen, with their text).
  let reads = new Map<string, { store: Store; version: number; output: unknown }>()
  let keptCharacters = 0
  const handle = (operation: SimulatedOperation, input: unknown, call: CallInfo = {}): Promise<unknown> => {
    // With rate limits every call counts, so none is answered from what an earlier one gave.
    if (!STORED_READS.has(operation) || limiter) return store.exclusive(() => execute(operation, input, call))
    let key = `${operation}\u0000${call.account ?? ''}\u0000${call.region ?? ''}\u0000${JSON.stringify(input)}`
    if (CLOCKED_READS.has(operation)) key += `\u0000${Math.floor(now())}`
    const kept = reads.get(key)
    // Only when no call is queued: a read after a write still waiting in line must see that write.
    if (kept && kept.store === store && kept.version === store.version && store.idle)
      return Promise.resolve(kept.output)
    const at = store
    return at
      .exclusive(() => execute(operation, input, call))
      .then((output) => {
        const frozen = deepFreeze(output)
        const text = JSON.stringify(frozen)
        if (reads.size >= KEPT_ANSWERS || keptCharacters + text.length > KEPT_CHARACTERS) {
          reads = new Map()
          keptCharacters = 0
        }
        if (text.length <= KEPT_ANSWER_CHARACTERS) {
          reads.set(key, { store: at, version: at.version, output: markText(frozen, text) })
          keptCharacters += text.length
        }
        return frozen
      })
  }

  return {
    get region() {
      return defaultRegion
    },
    get accountId() {
      return defaultAccount
    },
    operations: SIMULATED_OPERATIONS,
    implements: (operation: string): operation is SimulatedOperation => DEFINITIONS.has(operation),
    handle,
    hosted: async (request) =>
      (await answerUpload(store, context, request)) ?? answerHosted(store, context, defaultAccount, request),
    send: async (operation, input, call) =>
      structuredClone(await handle(operation, checked(operation, input), call)) as never,
    reset: () => {
      // A call still running on the old store (a trigger it awaits) commits there, never to the journal.
      store.onCommit = undefined
      store = newStore()
      lambdas.invocations.length = 0
      limiter?.clear()
      journal?.replace(store.snapshot())
    },
    snapshot: () => store.snapshot(),
    messages: (filter) => deliveredMessages(store, filter),
    lastCode: (filter) => {
      const last = deliveredMessages(store, filter).at(-1)
      return last?.code ?? last?.temporaryPassword
    },
    restore: (snapshot) => {
      const next = newStore()
      next.restore(snapshot)
      store.onCommit = undefined
      store = next
      limiter?.clear()
      journal?.replace(store.snapshot())
    },
    apply: (commit) => store.apply(commit),
    invocations: (filter = {}) =>
      structuredClone(
        lambdas.invocations.filter(
          (i) =>
            (filter.trigger === undefined || i.trigger === filter.trigger) &&
            (filter.triggerSource === undefined || i.triggerSource === filter.triggerSource) &&
            (filter.userPoolId === undefined || i.userPoolId === filter.userPoolId) &&
            (filter.userName === undefined || i.event['userName'] === filter.userName),
        ),
      ),
    authEvents: (filter = {}) =>
      structuredClone(store.occupied().flatMap((p) => matchingEvents(context(p.region, p.account), filter))),
    places: () =>
      store
        .occupied()
        .filter((p) => p.tables.pools.size > 0)
        .map((p) => ({ account: p.account, region: p.region })),
    holds: (poolId, call = {}) => {
      const account = call.account ?? defaultAccount
      const region = call.region ?? regionHint(store, account, { UserPoolId: poolId }) ?? defaultRegion
      return store.partition(account, region).tables.pools.has(poolId)
    },
    regionOf: (input, call = {}) =>
      call.region ??
      regionHint(store, call.account ?? defaultAccount, (input ?? {}) as Record<string, unknown>) ??
      defaultRegion,
    jwks: (poolId, call = {}) =>
      store.exclusive(async () => {
        const account = call.account ?? defaultAccount
        let region = call.region ?? regionHint(store, account, { UserPoolId: poolId }) ?? defaultRegion
        // Chosen without evidence: a secondary Region serves its pool's keys too (the tokens it issues are the primary's).
        if (call.region !== undefined)
          region = replicaRoute(store, account, region, { UserPoolId: poolId })?.primaryRegion ?? region
        const cx = context(region, account)
        return cx.tables.pools.has(poolId) ? structuredClone(await jwksOf(cx as never, poolId)) : undefined
      }),
    setRisk: (setting, call = {}) =>
      store.exclusive(() => {
        const cx = context(regionOf(setting.userPoolId, call), call.account ?? defaultAccount)
        applyRisk(cx, setting)
      }),
    addCompromisedPasswords: (userPoolId, passwords, call = {}) =>
      store.exclusive(() => {
        const cx = context(regionOf(userPoolId, call), call.account ?? defaultAccount)
        addCompromised(cx, poolOrFail(cx, userPoolId).pool.Id, passwords)
      }),
    importResults: (userPoolId, jobId, call = {}) =>
      store.exclusive(async () => {
        const cx = context(regionOf(userPoolId, call), call.account ?? defaultAccount)
        const job = cx.tables.importJobs.get(jobKey(userPoolId, jobId))
        if (!job) throw new CognitoError('ResourceNotFoundException', `Import job ${jobId} does not exist.`)
        await catchUp(cx, job)
        return importLog(cx, userPoolId, jobId)
      }),
    seed: async (fixtures) =>
      structuredClone(
        await store.exclusive(() =>
          seedFixtures({ context: (region) => context(region, defaultAccount), defaultRegion }, fixtures),
        ),
      ),
  }
}
