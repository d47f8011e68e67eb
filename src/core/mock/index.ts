export { createCognitoMock, type CognitoMock } from './mock.js'
export type { RecordedCall } from './calls.js'
export type { CognitoMockOptions, ErrorOverride, Latency, OperationBehaviour, ResponseMode, ResponseOverride } from './options.js'
export { redact, REDACTED } from './redact.js'
