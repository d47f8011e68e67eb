import { afterAll, beforeAll } from 'vitest'
import type { OperationName } from '../../schemas/operations.js'
import { setupCognitoServer } from '../../src/adapters/msw/node.js'
import { type Cognito, createCognito, type Fixtures, type LambdaOptions } from '../../src/core/simulation/index.js'
import { STRICT } from './msw.js'
import { sdkClient, send } from './sdk.js'

/** What a Cognito error looks like to a test: its type and message as the SDK reports them. */
export interface Failure {
  readonly name: string
  readonly message: string
}

/** A simulation behind MSW, the real SDK in front of it, and a clock the test moves. */
export interface World {
  readonly simulation: Cognito
  readonly cognito: ReturnType<typeof setupCognitoServer>['cognito']
  /** Sends an operation through the real SDK. */
  call(operation: OperationName, input: unknown): Promise<Record<string, unknown>>
  /** Sends an operation that must fail, and returns the error's type and message. */
  failure(operation: OperationName, input: unknown): Promise<Failure>
  /** Moves the clock on. */
  advance(seconds: number): void
  /** The simulation's clock, in epoch milliseconds. */
  now(): number
  /** Empties the simulation and seeds it again (fixtures given to `world`). */
  reset(): Promise<void>
}

/** Sets up a world for a test file (the MSW server listens for the file's tests). */
export function world(fixtures?: Fixtures, seed = 1, options: LambdaOptions = {}): World {
  let now = Date.UTC(2026, 10, 28, 12, 0, 0)
  const simulation = createCognito({ seed, clock: () => now, ...options })
  const { server, cognito } = setupCognitoServer({ mode: 'simulation', simulation, ...(fixtures && { fixtures }) })
  const client = sdkClient()
  beforeAll(async () => {
    server.listen(STRICT)
    await cognito.ready
  })
  afterAll(() => server.close())
  return {
    simulation,
    cognito,
    call: (operation, input) => send(client, operation, input),
    failure: async (operation, input) => {
      const error = await send(client, operation, input).then(
        () => undefined,
        (e: Error) => e,
      )
      if (!error) throw new Error(`expected ${operation} to fail`)
      return { name: error.name, message: error.message }
    },
    advance: (seconds) => {
      now += seconds * 1000
    },
    now: () => now,
    reset: async () => {
      cognito.reset()
      await cognito.ready
    },
  }
}
