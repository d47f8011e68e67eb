import type { Operations } from '../../../generated/types.js'
import type { OperationName } from '../../../schemas/operations.js'
import type { RecordedCall } from '../../core/mock/calls.js'
import type { InvocationFilter, TriggerInvocation, TriggerName } from '../../core/simulation/triggers/types.js'

/** Anything that records Cognito calls: the MSW handlers, a mock, `setupCognitoServer().cognito`. */
export interface CallSource {
  calls(operation?: OperationName): RecordedCall[]
}

/** Anything that records trigger invocations: the MSW handlers, a mock, a simulation. */
export interface InvocationSource {
  invocations(filter?: InvocationFilter): TriggerInvocation[]
}

/** A value with any of its members left out, at every depth (list items stay whole lists of partial items). */
export type DeepPartial<T> = T extends readonly (infer E)[]
  ? readonly DeepPartial<E>[]
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T

/** What `toHaveReceivedCognito` compares an operation's recorded input with. */
export type PartialInput<K extends OperationName> = DeepPartial<Operations[K]['input']>

/** An asymmetric matcher of Vitest or Jest (`expect.any(String)`, `expect.stringMatching(...)`). */
function isAsymmetric(value: unknown): value is { asymmetricMatch(other: unknown): boolean } {
  return typeof (value as { asymmetricMatch?: unknown } | null)?.asymmetricMatch === 'function'
}

/**
 * Whether `actual` holds everything `expected` holds (objects by their given keys, arrays element by element);
 * asymmetric matchers such as `expect.any(String)` match as they say.
 */
export function matchesPartial(actual: unknown, expected: unknown): boolean {
  if (expected === actual) return true
  if (isAsymmetric(expected)) return expected.asymmetricMatch(actual)
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => matchesPartial(actual[i], e))
    )
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false
    return Object.entries(expected).every(([k, v]) => matchesPartial((actual as Record<string, unknown>)[k], v))
  }
  return Number.isNaN(expected) && Number.isNaN(actual)
}

interface MatcherResult {
  pass: boolean
  message: () => string
}

function isSource(value: unknown): value is CallSource {
  return typeof (value as CallSource | null)?.calls === 'function'
}

const describeCalls = (calls: readonly RecordedCall[]): string =>
  calls.length === 0
    ? 'no Cognito calls'
    : calls.map((c) => `  ${c.operation ?? '(unknown)'} ${JSON.stringify(c.input)}`).join('\n')

/** Vitest (and Jest) matchers over recorded Cognito calls. */
export const cognitoMatchers = {
  /** Passes when the operation was called at least once, with input containing `partialInput` if given. */
  toHaveReceivedCognito<K extends OperationName>(
    received: unknown,
    operation: K,
    partialInput?: PartialInput<K>,
  ): MatcherResult {
    if (!isSource(received))
      return {
        pass: false,
        message: () => 'expected the Cognito handlers (or anything with calls()) as the received value',
      }
    const calls = received.calls(operation)
    const pass = calls.some((c) => partialInput === undefined || matchesPartial(c.input, partialInput))
    const wanted = partialInput === undefined ? operation : `${operation} with ${JSON.stringify(partialInput)}`
    return {
      pass,
      message: () =>
        pass
          ? `expected no ${wanted} call, but there was one`
          : `expected a ${wanted} call; Cognito received:\n${describeCalls(received.calls())}`,
    }
  },

  /** Passes when the operation was called exactly `times` times. */
  toHaveReceivedCognitoTimes(received: unknown, operation: OperationName, times: number): MatcherResult {
    if (!isSource(received))
      return {
        pass: false,
        message: () => 'expected the Cognito handlers (or anything with calls()) as the received value',
      }
    const count = received.calls(operation).length
    return {
      pass: count === times,
      message: () => `expected ${operation} ${times} time(s), received it ${count} time(s)`,
    }
  },

  /** Passes when the trigger was invoked at least once, with an event containing `partialEvent` if given. */
  toHaveInvokedTrigger(received: unknown, trigger: TriggerName, partialEvent?: unknown): MatcherResult {
    if (typeof (received as InvocationSource | null)?.invocations !== 'function')
      return {
        pass: false,
        message: () => 'expected the Cognito handlers, a mock or a simulation (anything with invocations())',
      }
    const all = (received as InvocationSource).invocations()
    const pass = all.some(
      (i) => i.trigger === trigger && (partialEvent === undefined || matchesPartial(i.event, partialEvent)),
    )
    const wanted = partialEvent === undefined ? trigger : `${trigger} with ${JSON.stringify(partialEvent)}`
    const seen =
      all.length === 0
        ? 'no trigger invocations'
        : all.map((i) => `  ${i.trigger} ${i.triggerSource} ${JSON.stringify(i.event['request'])}`).join('\n')
    return {
      pass,
      message: () =>
        pass
          ? `expected no ${wanted} invocation, but there was one`
          : `expected a ${wanted} invocation; there were:\n${seen}`,
    }
  },
}

/** The matchers' types, for declaration merging with a test framework's Assertion interface. */
export interface CognitoMatchers<R = unknown> {
  /** The operation was called at least once, with input containing `partialInput` (typed from the operation's input) if given. */
  toHaveReceivedCognito<K extends OperationName>(operation: K, partialInput?: PartialInput<K>): R
  /** The operation was called exactly `times` times. */
  toHaveReceivedCognitoTimes(operation: OperationName, times: number): R
  /** The trigger was invoked at least once, with an event containing `partialEvent` (`{ triggerSource, request }`) if given. */
  toHaveInvokedTrigger(trigger: TriggerName, partialEvent?: DeepPartial<TriggerInvocation['event']> | object): R
}
