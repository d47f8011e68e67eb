export { createCognito, SIMULATED_OPERATIONS, type Cognito, type PoolFixture, type SimulatedOperation } from './cognito.js'
export type { CallInfo, SimulationOptions } from './engine.js'
export type { CognitoSnapshot } from './state.js'
export { CognitoError } from '../protocol/errors.js'
