import type { WireRequest, WireResponse } from '../protocol/types.js'
import type { ContractRecording } from './contract-recording.js'
import type { CallHistory } from './history.js'
import type { CognitoMock } from './mock.js'
import { checkError, checkStatic, type Overrides } from './overrides.js'
import { type MockSetup, seedFixtures } from './setup.js'

/** What the controls reach: the parts of the mock, and its fixtures' seeding, which reset() starts again. */
export interface ControlParts {
  readonly setup: MockSetup
  readonly handle: (request: WireRequest) => Promise<WireResponse>
  readonly overrides: Overrides
  readonly history: CallHistory
  readonly recording: ContractRecording
  readonly ready: { current: Promise<void> }
}

/** The mock as a test holds it: its handler, and the controls over its overrides, records and simulation. */
export function controls(parts: ControlParts): CognitoMock {
  const { setup, handle, overrides, history, recording, ready } = parts
  const { simulation, fixtures } = setup
  return {
    simulation,
    get ready() {
      return ready.current
    },
    messages: (filter) => simulation.messages(filter),
    lastCode: (filter) => simulation.lastCode(filter),
    invocations: (filter) => simulation.invocations(filter),
    authEvents: (filter) => simulation.authEvents(filter),
    handle,
    contract: () => recording.contract(),
    contractSinceLastTake: () => recording.sinceLastTake(),
    calls: (filter) => history.calls(filter),
    unhandled: () => history.unhandled(),
    respond(operation, response, opts) {
      checkStatic(operation, response)
      overrides.add(operation, { response: response as never, once: opts?.once })
    },
    fail(operation, error, opts) {
      checkError(operation, error)
      overrides.add(operation, { error, once: opts?.once })
    },
    reset() {
      overrides.reset()
      history.reset()
      simulation.reset()
      ready.current = seedFixtures(simulation, fixtures)
    },
  }
}
