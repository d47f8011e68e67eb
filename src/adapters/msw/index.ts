export { cognitoHandlers, endpointMatcher, type CognitoHandlers, type CognitoHandlersOptions } from './handlers.js'
export type { CognitoMockOptions, ErrorOverride, Latency, OperationBehaviour, RecordedCall, ResponseMode, ResponseOverride } from '../../core/mock/index.js'
