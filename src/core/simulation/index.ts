export {
  createCognito,
  SIMULATED_OPERATIONS,
  type Cognito,
  type CognitoSnapshot,
  type Fixtures,
  type PoolFixture,
  type SimulatedOperation,
  type SimulationOptions,
} from './cognito.js'
export type { CallInfo } from './locate.js'
export { CognitoError } from '../protocol/errors.js'
