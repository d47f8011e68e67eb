import { type SetupWorker, setupWorker } from 'msw/browser'
import { type CognitoHandlers, type CognitoHandlersOptions, cognitoHandlers } from './handlers.js'

export * from './index.js'

/** An MSW service worker with the Cognito handlers installed, and the handlers' controls. */
export interface CognitoWorker {
  readonly worker: SetupWorker
  readonly cognito: CognitoHandlers
}

/** `setupWorker` with the Cognito handlers first; call `await worker.start()` before the app runs. */
export function setupCognitoWorker(options?: CognitoHandlersOptions): CognitoWorker {
  const cognito = cognitoHandlers(options)
  return { worker: setupWorker(...cognito), cognito }
}
