import { operations, type OperationName } from '../../schemas/operations.js'
import type { TSchema } from 'typebox'
import { compile, type Collector } from './compile.js'
import { validationMessage } from './messages.js'
import type { ValidationResult } from './types.js'


/** A schema as TypeBox and JSON Schema represent it. */
export type AnySchema = TSchema

/** Which half of an operation a value belongs to. */
export type Side = 'request' | 'response'

const VALID: ValidationResult = { valid: true }

/** Validates a value against any of our schemas (or one built from them), with Cognito's messages. */
export function validateSchema(schema: AnySchema, value: unknown): ValidationResult {
  try {
    const out: Collector = { issues: [] }
    compile(schema as Readonly<Record<string, unknown>>).check(value === null || value === undefined ? {} : value, '', out)
    if (out.serialization) {
      return { valid: false, exception: 'SerializationException', message: out.serialization.message, errors: [out.serialization] }
    }
    if (out.issues.length === 0) return VALID
    return { valid: false, exception: 'InvalidParameterException', message: validationMessage(out.issues.map((i) => i.message)), errors: out.issues }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { valid: false, exception: 'SerializationException', message, errors: [{ path: '', expected: 'json', message }] }
  }
}

/** The request or response schema of an operation, by name or descriptor. */
export function schemaOf(operation: OperationName | { readonly input: AnySchema; readonly output: AnySchema }, side: Side): AnySchema {
  const op = typeof operation === 'string' ? operations[operation] : operation
  if (!op) throw new TypeError(`unknown operation ${String(operation)}`)
  return side === 'request' ? op.input : op.output
}

/**
 * Validates an operation's request or response. Returns `{ valid: true }` or the exception Cognito
 * would answer with (`InvalidParameterException` with its exact message, or `SerializationException`
 * for a value of the wrong JSON type). Never throws for any value; throws only for an unknown operation.
 */
export function validate(operation: OperationName | { readonly input: AnySchema; readonly output: AnySchema }, side: Side, value: unknown): ValidationResult {
  return validateSchema(schemaOf(operation, side), value)
}
