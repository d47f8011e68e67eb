import type { TSchema } from 'typebox'
import { type Collector, type Compiled, compile, type Valid } from './compile.js'
import { validationMessage } from './messages.js'
import type { ValidationResult } from './types.js'
import { verdictOf } from './verdict.js'

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

/** A top-level schema's detailed walk and its generated verdict. */
export interface TopLevel {
  readonly compiled: Compiled
  readonly valid: Valid
}

/** The compiled checker of each top-level schema: one lookup per call instead of the scope walk. */
const topLevel = new WeakMap<object, TopLevel>()

/** Calls a schema's verdict answers with its closures before its code is generated (a first call stays cheap). */
const GENERATE_AFTER = 100

/** The closures' verdict for the first calls, then the generated one. */
function tiered(compiled: Compiled): Valid {
  let calls = 0
  let generated: Valid | undefined
  return (value) => {
    if (generated) return generated(value)
    if (++calls >= GENERATE_AFTER) generated = verdictOf(compiled)
    return compiled.valid(value)
  }
}

/** The compiled checker of a top-level schema, made on first use and kept. */
export function topLevelOf(schema: AnySchema): TopLevel {
  let top = topLevel.get(schema)
  if (!top) {
    const compiled = compile(schema as Readonly<Record<string, unknown>>)
    topLevel.set(schema, (top = { compiled, valid: tiered(compiled) }))
  }
  return top
}

/** Validates a value against any of our schemas (or one built from them), with Cognito's messages. */
export function validateSchema(schema: AnySchema, value: unknown): ValidationResult {
  try {
    return validateTop(topLevelOf(schema), value)
  } catch (error) {
    return thrown(error)
  }
}

/** Validates a value against a top-level schema's compiled checker (`validateSchema` without the lookup). */
export function validateTop(top: TopLevel, value: unknown): ValidationResult {
  try {
    const present = value === null || value === undefined ? {} : value
    // The fast verdict first; the walk that names every issue only for a value that has one.
    if (top.valid(present)) return VALID
    const out: Collector = { issues: [] }
    top.compiled.check(present, '', out)
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
    return thrown(error)
  }
}

/** A value the walk could not read (a throwing getter, a cycle too deep): a SerializationException, as Cognito. */
function thrown(error: unknown): ValidationResult {
  const message = error instanceof Error ? error.message : String(error)
  return {
    valid: false,
    exception: 'SerializationException',
    message,
    errors: [{ path: '', expected: 'json', message }],
  }
}

/** Validates one side of an operation given its descriptor; bundles only that operation's schemas. */
export function validateOperation(operation: OperationSchemas, side: Side, value: unknown): ValidationResult {
  return validateSchema(side === 'request' ? operation.input : operation.output, value)
}
