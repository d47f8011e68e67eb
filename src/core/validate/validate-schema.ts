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

/** The compiled checker of each top-level schema: one lookup per call instead of the scope walk. */
const topLevel = new WeakMap<object, ReturnType<typeof compile>>()

/** Validates a value against any of our schemas (or one built from them), with Cognito's messages. */
export function validateSchema(schema: AnySchema, value: unknown): ValidationResult {
  try {
    let compiled = topLevel.get(schema)
    if (!compiled) topLevel.set(schema, (compiled = compile(schema as Readonly<Record<string, unknown>>)))
    const present = value === null || value === undefined ? {} : value
    // The fast verdict first; the walk that names every issue only for a value that has one.
    if (compiled.valid(present)) return VALID
    const out: Collector = { issues: [] }
    compiled.check(present, '', out)
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
