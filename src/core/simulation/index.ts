export { CognitoError } from '../protocol/errors.js'
export {
  type Cognito,
  type CognitoSnapshot,
  createCognito,
  type Fixtures,
  type PoolFixture,
  SIMULATED_OPERATIONS,
  type SimulatedOperation,
  type SimulationOptions,
} from './cognito.js'
export type { CallInfo } from './locate.js'
