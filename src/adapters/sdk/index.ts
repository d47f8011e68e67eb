export { type CognitoRequestHandler, cognitoRequestHandler } from './handler.js'
