import type { Operations } from '../../../generated/types.js'
import { type OperationName, operations } from '../../../schemas/operations.js'
import type { RecordedCall } from '../../core/mock/calls.js'
import { REDACTED, redact } from '../../core/mock/redact.js'
import type { InvocationFilter, TriggerInvocation, TriggerName } from '../../core/simulation/lambdas.js'

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

/**
 * The calls as a failure message lists them: operation, outcome and input, with every sensitive member (by the
 * operation's schema: passwords, codes, tokens, SRP values) masked as the request log masks them.
 */
const describeCalls = (calls: readonly RecordedCall[]): string =>
  calls.length === 0
    ? 'no Cognito calls'
    : calls
        .map((c) => {
          const input = c.operation ? redact(operations[c.operation].input, c.input) : REDACTED
          const outcome = c.error ? `${c.error.status} ${c.error.type}` : '200'
          return `  ${c.operation ?? '(unknown)'} ${outcome} ${JSON.stringify(input)}`
        })
        .join('\n')

/** Members of trigger events that carry secrets (passwords, codes, answers, private parameters), masked in messages. */
const SECRET_EVENT_MEMBER = /password|secret|token|session|^code$|challengeAnswer|privateChallengeParameters/i

/** A trigger event's part with secret members masked, for a failure message. */
function maskEvent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskEvent)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_EVENT_MEMBER.test(k) && v != null ? REDACTED : maskEvent(v)]),
  )
}

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
        : all
            .map((i) => `  ${i.trigger} ${i.triggerSource} ${JSON.stringify(maskEvent(i.event['request']))}`)
            .join('\n')
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
