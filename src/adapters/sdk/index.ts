export { cognitoRequestHandler, type CognitoRequestHandler } from './handler.js'
