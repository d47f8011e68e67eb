export { startCognitoServer, type CognitoServerOptions, type RunningCognitoServer } from './server.js'
