import { operations } from '../../../schemas/operations.js'
import { handleWire } from '../protocol/handle.js'
import type { WireRequest, WireResponse } from '../protocol/types.js'
import { jsonCopy } from '../shared/json-copy.js'
import type { Answered, createBackend } from './backend.js'
import type { AnswerSource, RecordedCall } from './calls.js'
import type { ContractRecording } from './contract-recording.js'
import type { CallHistory } from './history.js'
import type { CognitoMockOptions } from './options.js'
import { redact } from './redact.js'
import type { MockSetup } from './setup.js'
import { wellKnown } from './well-known.js'

/** The response header that says what answered a call (`simulation`, `generated`, `override`, `fault`, `protocol`). */
export const SOURCE_HEADER = 'x-cognito-idp-contract-source'

/** What answering a request works with: the dispatch, and where each call is recorded. */
export interface HandleParts {
  readonly setup: MockSetup
  /** The options as handed in: latency and onCall are read from them at each call. */
  readonly options: CognitoMockOptions
  readonly backend: ReturnType<typeof createBackend>
  readonly answered: Answered
  readonly history: CallHistory
  readonly recording: ContractRecording
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}

/** Answers one HTTP request: a well-known document or hosted page, or an operation through the protocol, recorded. */
export function createHandle(parts: HandleParts): (request: WireRequest) => Promise<WireResponse> {
  const { setup, options, backend, answered, history, recording } = parts
  const { simulation, random, log } = setup

  const latency = (): number => {
    const l = options.latency
    if (l === undefined) return 0
    return typeof l === 'number' ? l : l.min + random() * (l.max - l.min)
  }

  return async (request) => {
    const document = (await wellKnown(request, simulation)) ?? (await simulation.hosted(request))
    if (document) return document
    const wait = latency()
    const start = performance.now()
    let source: AnswerSource = 'protocol'
    const response = await handleWire(request, backend, {
      onExchange: (exchange) => {
        const seen = answered.get(exchange.requestId)
        answered.delete(exchange.requestId)
        source = seen?.source ?? 'protocol'
        // Members named one by one: spreading the exchange cost more than the rest of the mock's work together.
        const shared = exchange.output
        let own: unknown
        const call: RecordedCall = {
          operation: exchange.operation,
          input: exchange.input,
          // Answers given again (generated ones, the simulation's kept reads) are frozen and shared: a test that reads
          // one gets its own copy, made when first read, so what it changes never reaches the next call.
          get output() {
            if (own === undefined) own = Object.isFrozen(shared) ? jsonCopy(shared) : shared
            return own
          },
          error: exchange.error,
          requestId: exchange.requestId,
          time: Date.now(),
          unhandled: exchange.error?.type === 'UnhandledCognitoOperation',
          source,
          region: seen?.region ?? simulation.regionOf({}, {}),
          ms: Math.round((performance.now() - start) * 10) / 10,
        }
        history.add(call, request.body.length)
        if (exchange.operation && !call.unhandled)
          recording.add(exchange.operation, exchange.input, exchange.output, exchange.error?.type)
        options.onCall?.(call)
        if (log && exchange.operation) {
          const schema = operations[exchange.operation]
          log(
            `cognito-idp ${exchange.operation} ${JSON.stringify(redact(schema.input, exchange.input))} -> ${exchange.error ? `${exchange.error.type}: ${exchange.error.message}` : JSON.stringify(redact(schema.output, exchange.output))}`,
          )
        }
      },
    })
    await delay(wait)
    return { status: response.status, headers: { ...response.headers, [SOURCE_HEADER]: source }, body: response.body }
  }
}
