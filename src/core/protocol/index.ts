export { accountOf, type CredentialScope, credentialScope, regionOf } from './caller.js'
export { acceptableResponse } from './discrepancies.js'
export { CONTENT_TYPE, failure, success } from './envelope.js'
export {
  CognitoError,
  type ErrorType,
  errorTypes,
  isCognitoError,
  type ModelledError,
  mayAnswer,
  SERVER_FAULTS,
  SERVICE_ERRORS,
  type ServiceError,
} from './errors.js'
export { type Backend, type CallContext, type Exchange, handleWire, type ProtocolOptions } from './handle.js'
export type { WireRequest, WireResponse } from './types.js'
