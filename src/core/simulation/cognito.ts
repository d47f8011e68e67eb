import { operations, type OperationName } from '../../../schemas/operations.js'
import type { CreateIdentityProviderRequest, CreateUserPoolRequest, Operations, UserPoolType } from '../../../generated/types.js'
import { CognitoError } from '../protocol/errors.js'
import { validateOperation } from '../validate/validate-schema.js'
import { Engine, type CallInfo, type SimulationOptions } from './engine.js'
import { invalidParameter } from './errors.js'
import * as clients from './clients/operations.js'
import * as providers from './identity-providers/operations.js'
import { fromSnapshot, toSnapshot, type CognitoSnapshot } from './state.js'
import * as tags from './tags.js'
import * as pools from './user-pools/operations.js'
import { describePool } from './user-pools/operations.js'

type Handler = (engine: Engine, input: never, context?: CallInfo) => unknown

const HANDLERS = {
  CreateUserPool: pools.createUserPool,
  DescribeUserPool: pools.describeUserPool,
  UpdateUserPool: pools.updateUserPool,
  DeleteUserPool: pools.deleteUserPool,
  ListUserPools: pools.listUserPools,
  TagResource: tags.tagResource,
  UntagResource: tags.untagResource,
  ListTagsForResource: tags.listTagsForResource,
  CreateIdentityProvider: providers.createIdentityProvider,
  DescribeIdentityProvider: providers.describeIdentityProvider,
  UpdateIdentityProvider: providers.updateIdentityProvider,
  DeleteIdentityProvider: providers.deleteIdentityProvider,
  ListIdentityProviders: providers.listIdentityProviders,
  GetIdentityProviderByIdentifier: providers.getIdentityProviderByIdentifier,
  CreateUserPoolClient: clients.createUserPoolClient,
  DescribeUserPoolClient: clients.describeUserPoolClient,
  UpdateUserPoolClient: clients.updateUserPoolClient,
  DeleteUserPoolClient: clients.deleteUserPoolClient,
  ListUserPoolClients: clients.listUserPoolClients,
} satisfies { [K in OperationName]?: Handler }

/** The operations the simulation implements. */
export type SimulatedOperation = keyof typeof HANDLERS
/** Their names, in a stable order. */
export const SIMULATED_OPERATIONS = Object.keys(HANDLERS).sort() as SimulatedOperation[]

/** A user pool to seed: a CreateUserPool request, optionally with a fixed id and its identity providers. */
export interface PoolFixture extends CreateUserPoolRequest {
  readonly Id?: string
  readonly IdentityProviders?: ReadonlyArray<Omit<CreateIdentityProviderRequest, 'UserPoolId'>>
}

/** A simulated Cognito user pools service, with state in memory. */
export interface Cognito {
  readonly region: string
  readonly accountId: string
  /** The operations this simulation implements. */
  readonly operations: readonly SimulatedOperation[]
  /** Whether it implements an operation. */
  implements(operation: string): operation is SimulatedOperation
  /** Runs an operation: validates the input as Cognito would, then returns its output or throws a CognitoError. */
  send<K extends SimulatedOperation>(operation: K, input: Operations[K]['input']): Operations[K]['output']
  /** Runs an operation on input already validated (for protocol backends); `context.region` is the endpoint's. */
  handle(operation: SimulatedOperation, input: unknown, context?: CallInfo): unknown
  /** Forgets everything: no pools, ids from the start of the seeded sequence. */
  reset(): void
  /** The whole state as plain JSON. */
  snapshot(): CognitoSnapshot
  /** Puts back a state `snapshot()` returned. */
  restore(snapshot: CognitoSnapshot): void
  /** Creates pools and their identity providers in one call, through the same rules as the operations. */
  seed(fixtures: { readonly userPools: readonly PoolFixture[] }): UserPoolType[]
}

/** Creates a simulated Cognito; two instances never share state. */
export function createCognito(options: SimulationOptions = {}): Cognito {
  let engine = new Engine(options)
  const implementsOp = (operation: string): operation is SimulatedOperation => Object.hasOwn(HANDLERS, operation)
  const handle = (operation: SimulatedOperation, input: unknown, context?: CallInfo): unknown => (HANDLERS[operation] as Handler)(engine, input as never, context)
  const send = <K extends SimulatedOperation>(operation: K, input: Operations[K]['input']): Operations[K]['output'] => {
    const checked = validateOperation(operations[operation], 'request', input)
    if (!checked.valid) throw new CognitoError(checked.exception, checked.message)
    return handle(operation, input) as Operations[K]['output']
  }
  const seedPool = (fixture: PoolFixture): UserPoolType => {
    const { Id, IdentityProviders, ...request } = fixture
    const created = send('CreateUserPool', request).UserPool!
    let id = created.Id!
    if (Id !== undefined) {
      const checked = validateOperation(operations.DescribeUserPool, 'request', { UserPoolId: Id })
      if (!checked.valid) throw new CognitoError(checked.exception, checked.message)
      if (engine.state.pools.has(Id)) throw invalidParameter(`User pool ${Id} already exists.`)
      const record = engine.state.pools.get(id)!
      engine.state.pools.delete(id)
      record.pool = { ...record.pool, Id, Arn: engine.poolArn(Id) }
      engine.state.pools.set(Id, record)
      id = Id
    }
    for (const provider of IdentityProviders ?? []) send('CreateIdentityProvider', { ...provider, UserPoolId: id })
    return describePool(engine.state.pools.get(id)!)
  }
  return {
    get region() {
      return engine.region
    },
    get accountId() {
      return engine.accountId
    },
    operations: SIMULATED_OPERATIONS,
    implements: implementsOp,
    send,
    handle,
    reset: () => {
      engine = new Engine(options)
    },
    snapshot: () => toSnapshot(engine.state, engine.ids.counter),
    restore: (snapshot) => {
      if (snapshot?.version !== 1) throw new TypeError('not a snapshot of this simulation (version 1)')
      const state = fromSnapshot(snapshot)
      engine.state = state
      engine.ids.counter = snapshot.idCounter
      engine.resync()
    },
    seed: (fixtures) => {
      const before = toSnapshot(engine.state, engine.ids.counter)
      try {
        return fixtures.userPools.map(seedPool)
      } catch (error) {
        engine.state = fromSnapshot(before)
        engine.ids.counter = before.idCounter
        engine.resync()
        throw error
      }
    },
  }
}
