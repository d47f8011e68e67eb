import { syncBuiltinESMExports } from 'node:module'
import { type SetupServer, setupServer } from 'msw/node'
import { writeContract } from '../../core/contract/file.js'
import { type CognitoHandlers, type CognitoHandlersOptions, cognitoHandlers } from './handlers.js'

export * from './index.js'

/** An MSW server for Node with the Cognito handlers installed, and the handlers' controls. */
export interface CognitoServer {
  readonly server: SetupServer
  readonly cognito: CognitoHandlers
}

/**
 * `setupServer` with the Cognito handlers first; call `server.listen()` in your test setup. Its `listen` and `close`
 * also update the named exports of Node's built-in modules, so a library that imported `request` from `https` by name
 * (aws-jwt-verify fetching a JWKS) is intercepted like one that reads `https.request` at each call. With
 * `contract: { file }`, `close` writes the recorded consumer contract there, merged with what the file holds.
 */
export function setupCognitoServer(options?: CognitoHandlersOptions): CognitoServer {
  const cognito = cognitoHandlers(options)
  const server = setupServer(...cognito)
  const listen = server.listen.bind(server)
  const close = server.close.bind(server)
  server.listen = (...args) => {
    listen(...args)
    syncBuiltinESMExports()
  }
  const file = typeof options?.contract === 'object' ? options.contract.file : undefined
  server.close = () => {
    close()
    if (file) writeContract(file, cognito.contractSinceLastTake())
    syncBuiltinESMExports()
  }
  return { server, cognito }
}
