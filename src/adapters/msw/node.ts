import { type SetupServer, setupServer } from 'msw/node'
import { type CognitoHandlers, type CognitoHandlersOptions, cognitoHandlers } from './handlers.js'

export * from './index.js'

/** An MSW server for Node with the Cognito handlers installed, and the handlers' controls. */
export interface CognitoServer {
  readonly server: SetupServer
  readonly cognito: CognitoHandlers
}

/** `setupServer` with the Cognito handlers first; call `server.listen()` in your test setup. */
export function setupCognitoServer(options?: CognitoHandlersOptions): CognitoServer {
  const cognito = cognitoHandlers(options)
  return { server: setupServer(...cognito), cognito }
}
