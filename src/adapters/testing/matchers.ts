import type { OperationName } from '../../../schemas/operations.js'
import type { RecordedCall } from '../../core/mock/calls.js'

/** Anything that records Cognito calls: the MSW handlers, a mock, `setupCognitoServer().cognito`. */
export interface CallSource {
  calls(operation?: OperationName): RecordedCall[]
}

/** Whether `actual` holds everything `expected` holds (objects by their given keys, arrays element by element). */
export function matchesPartial(actual: unknown, expected: unknown): boolean {
  if (expected === actual) return true
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
  toHaveReceivedCognito(received: unknown, operation: OperationName, partialInput?: unknown): MatcherResult {
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
}

/** The matchers' types, for declaration merging with a test framework's Assertion interface. */
export interface CognitoMatchers<R = unknown> {
  toHaveReceivedCognito(operation: OperationName, partialInput?: unknown): R
  toHaveReceivedCognitoTimes(operation: OperationName, times: number): R
}
