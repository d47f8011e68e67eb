export { CognitoError } from '../../core/protocol/errors.js'
export { type CognitoServerOptions, type RunningCognitoServer, startCognitoServer } from './server.js'
