import { type OperationName, operations } from '../../../schemas/operations.js'
import type { ValidationResult } from './types.js'
import {
  type OperationSchemas,
  type Side,
  type TopLevel,
  topLevelOf,
  validateOperation,
  validateTop,
} from './validate-schema.js'

/** The descriptor of an operation given by name or already as a descriptor. */
export function operationOf(operation: OperationName | OperationSchemas): OperationSchemas {
  const op = typeof operation === 'string' ? operations[operation] : operation
  if (!op) throw new TypeError(`unknown operation ${String(operation)}`)
  return op
}

/** The last operation named, per side, and its checker: a loop over one operation skips both lookups. */
const last = {
  request: { name: '', top: undefined as TopLevel | undefined },
  response: { name: '', top: undefined as TopLevel | undefined },
}

/**
 * Validates an operation's request or response. Returns `{ valid: true }` or the exception Cognito
 * would answer with (`InvalidParameterException` with its exact message, or `SerializationException`
 * for a value of the wrong JSON type). Never throws for any value; throws only for an unknown operation name.
 */
export function validate(operation: OperationName | OperationSchemas, side: Side, value: unknown): ValidationResult {
  if (typeof operation !== 'string') return validateOperation(operation, side, value)
  const seen = side === 'request' ? last.request : last.response
  if (seen.name !== operation || seen.top === undefined) {
    const op = operationOf(operation)
    seen.top = topLevelOf(side === 'request' ? op.input : op.output)
    seen.name = operation
  }
  return validateTop(seen.top, value)
}
