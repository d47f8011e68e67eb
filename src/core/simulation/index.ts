export { CognitoError } from '../protocol/errors.js'
export {
  type Cognito,
  type CognitoSnapshot,
  createCognito,
  type Journal,
  SIMULATED_OPERATIONS,
  type SimulatedOperation,
  type SimulationOptions,
} from './cognito.js'
export type { RowChange, StoreCommit } from './engine/store.js'
export type { Fixtures, PasskeyFixture, PoolFixture, UserFixture } from './fixtures.js'
export type {
  InvocationFilter,
  LambdaFunction,
  LambdaOptions,
  Lambdas,
  TriggerInvocation,
  TriggerName,
} from './lambdas.js'
export type { CallInfo } from './locate.js'
export type { DeliveredMessage, MessageFilter } from './outbox.js'
export type { AuthEventFilter, RecordedAuthEvent } from './resources/auth-events.js'
export type { JsonWebKeySet, PublicJwk } from './resources/keys.js'
export type { MessageKind } from './resources/messages.js'
export type { RiskSetting } from './resources/risk-controls.js'
