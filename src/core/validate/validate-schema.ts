import type { TSchema } from 'typebox'
import { type Collector, compile } from './compile.js'
import { validationMessage } from './messages.js'
import type { ValidationResult } from './types.js'

/** A schema as TypeBox and JSON Schema represent it. */
export type AnySchema = TSchema

/** Which half of an operation a value belongs to. */
export type Side = 'request' | 'response'

/** An operation descriptor as `operations` and `cognito-idp-contract/operations/<Op>` export it. */
export interface OperationSchemas {
  readonly input: AnySchema
  readonly output: AnySchema
}

const VALID: ValidationResult = { valid: true }

/** Validates a value against any of our schemas (or one built from them), with Cognito's messages. */
export function validateSchema(schema: AnySchema, value: unknown): ValidationResult {
  try {
    const out: Collector = { issues: [] }
    compile(schema as Readonly<Record<string, unknown>>).check(
      value === null || value === undefined ? {} : value,
      '',
      out,
    )
    if (out.serialization) {
      return {
        valid: false,
        exception: 'SerializationException',
        message: out.serialization.message,
        errors: [out.serialization],
      }
    }
    if (out.issues.length === 0) return VALID
    return {
      valid: false,
      exception: 'InvalidParameterException',
      message: validationMessage(out.issues.map((i) => i.message)),
      errors: out.issues,
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      valid: false,
      exception: 'SerializationException',
      message,
      errors: [{ path: '', expected: 'json', message }],
    }
  }
}

/** Validates one side of an operation given its descriptor; bundles only that operation's schemas. */
export function validateOperation(operation: OperationSchemas, side: Side, value: unknown): ValidationResult {
  return validateSchema(side === 'request' ? operation.input : operation.output, value)
}
