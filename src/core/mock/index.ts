export type { RecordedCall } from './calls.js'
export { type CognitoMock, createCognitoMock } from './mock.js'
export type {
  CognitoMockOptions,
  ErrorOverride,
  Latency,
  OperationBehaviour,
  ResponseMode,
  ResponseOverride,
} from './options.js'
export { REDACTED, redact } from './redact.js'
