import { type OperationName, operations } from '../../../../schemas/operations.js'
import type { InvalidSample } from '../../../core/arbitraries/invalid/index.js'
import { redact } from '../../../core/mock/redact.js'
import { acceptableResponse } from '../../../core/protocol/discrepancies.js'
import { mayAnswer } from '../../../core/protocol/errors.js'
import { validateOperation } from '../../../core/validate/validate-schema.js'
import type { Deviation, Rule } from './types.js'
import { type Answer, GATEWAY_ERRORS } from './wire.js'

const EVIDENCE_LIMIT = 2000

/** A deviation with its evidence: the request (sensitive members masked) and the answer. */
export function deviation(
  rule: Rule,
  message: string,
  operation: OperationName,
  request: unknown,
  answer?: Answer | undefined,
): Deviation {
  return {
    rule,
    message,
    request: redact(operations[operation].input, request),
    ...(answer && { response: { status: answer.status, body: answer.text.slice(0, EVIDENCE_LIMIT) } }),
  }
}

/** Checks the answer to a valid request: a valid response, or an error the operation models. */
export function checkValid(operation: OperationName, request: unknown, answer: Answer): Deviation[] {
  if (answer.status >= 200 && answer.status < 300) {
    if (answer.json === undefined)
      return [deviation('malformed-response', 'the success body is not JSON', operation, request, answer)]
    const result = validateOperation(operations[operation], 'response', answer.json)
    if (!acceptableResponse(operation, result) && !result.valid)
      return [
        deviation(
          'response-schema',
          `the ${operation} response does not validate: ${result.message}`,
          operation,
          request,
          answer,
        ),
      ]
    return []
  }
  return checkError(operation, request, answer)
}

/** Checks an error answer: typed, and one the operation models (or AWS's front door sends). */
export function checkError(operation: OperationName, request: unknown, answer: Answer): Deviation[] {
  if (!answer.errorType)
    return [
      deviation(
        'malformed-response',
        `a ${answer.status} answer without an error type (__type or x-amzn-ErrorType)`,
        operation,
        request,
        answer,
      ),
    ]
  if (answer.errorType === 'InternalErrorException' || answer.status >= 500)
    return [
      deviation(
        'internal-error',
        `the provider failed with ${answer.errorType} (${answer.status}): ${answer.message ?? ''}`.trim(),
        operation,
        request,
        answer,
      ),
    ]
  if (!mayAnswer(operation, answer.errorType) && !GATEWAY_ERRORS.has(answer.errorType))
    return [
      deviation(
        'unmodelled-error',
        `${operation} does not model ${answer.errorType} (${answer.message ?? 'no message'})`,
        operation,
        request,
        answer,
      ),
    ]
  return []
}

const FORMAT = /^\d+ validation errors? detected: Value .* at '[^']+' failed to satisfy constraint: /s

/** Checks the answer to a request that breaks one constraint: Cognito's validation error, word for word. */
export function checkInvalid(
  operation: OperationName,
  sample: InvalidSample,
  request: unknown,
  answer: Answer,
): Deviation[] {
  const broken = `${sample.violation.kind} at ${sample.violation.path}`
  if (answer.status >= 200 && answer.status < 300)
    return [deviation('invalid-accepted', `accepted a request that breaks ${broken}`, operation, request, answer)]
  if (answer.errorType !== sample.exception)
    return [
      deviation(
        'validation-error',
        `a request that breaks ${broken} got ${answer.errorType ?? `status ${answer.status}`}, not ${sample.exception}`,
        operation,
        request,
        answer,
      ),
    ]
  if (answer.message !== sample.message) {
    const format =
      sample.exception === 'InvalidParameterException' && !FORMAT.test(answer.message ?? '')
        ? " (not in Cognito's format)"
        : ''
    return [
      deviation(
        'validation-message',
        `expected ${JSON.stringify(sample.message)}, got ${JSON.stringify(answer.message ?? null)}${format}`,
        operation,
        request,
        answer,
      ),
    ]
  }
  return []
}
