import { type OperationName, operations } from '../../../schemas/operations.js'
import type { ValidationResult } from './types.js'
import { type OperationSchemas, type Side, validateOperation } from './validate-schema.js'

/** The descriptor of an operation given by name or already as a descriptor. */
export function operationOf(operation: OperationName | OperationSchemas): OperationSchemas {
  const op = typeof operation === 'string' ? operations[operation] : operation
  if (!op) throw new TypeError(`unknown operation ${String(operation)}`)
  return op
}

/** The last descriptor looked up by name, per side: a loop over one operation skips the catalogue lookup. */
const last = {
  request: { name: '', op: undefined as OperationSchemas | undefined },
  response: { name: '', op: undefined as OperationSchemas | undefined },
}

/**
 * Validates an operation's request or response. Returns `{ valid: true }` or the exception Cognito
 * would answer with (`InvalidParameterException` with its exact message, or `SerializationException`
 * for a value of the wrong JSON type). Never throws for any value; throws only for an unknown operation name.
 */
export function validate(operation: OperationName | OperationSchemas, side: Side, value: unknown): ValidationResult {
  if (typeof operation !== 'string') return validateOperation(operation, side, value)
  const seen = side === 'request' ? last.request : last.response
  if (seen.name !== operation || seen.op === undefined) {
    seen.op = operationOf(operation)
    seen.name = operation
  }
  return validateOperation(seen.op, side, value)
}
