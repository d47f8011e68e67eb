export { type CognitoServerOptions, type RunningCognitoServer, startCognitoServer } from './server.js'
