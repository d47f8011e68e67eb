export type {
  CognitoMockOptions,
  ErrorOverride,
  Latency,
  OperationBehaviour,
  RecordedCall,
  ResponseMode,
  ResponseOverride,
} from '../../core/mock/index.js'
export { CognitoError } from '../../core/protocol/errors.js'
export { type CognitoHandlers, type CognitoHandlersOptions, cognitoHandlers, endpointMatcher } from './handlers.js'
