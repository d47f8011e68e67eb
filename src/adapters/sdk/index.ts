export { CognitoError } from '../../core/protocol/errors.js'
export { type CognitoRequestHandler, cognitoRequestHandler } from './handler.js'
