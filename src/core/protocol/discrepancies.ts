import type { OperationName } from '../../../schemas/operations.js'
import type { ValidationIssue, ValidationResult } from '../validate/types.js'

/**
 * Where real Cognito responses break the model's own constraints, so an honest response check must let
 * them through: the standard attribute `phone_number_verified` (21 characters) appears in every pool's
 * SchemaAttributes, whose Name the model caps at 20 (AWS's published example cuts it to fit).
 */
const KNOWN: ReadonlyArray<(issue: ValidationIssue) => boolean> = [
  (issue) =>
    issue.keyword === 'maxLength' &&
    /(^|\.)schemaAttributes\.\d+\.member\.name$/.test(issue.path) &&
    issue.message.startsWith("Value 'phone_number_verified' at"),
]

/** Whether a response is valid once the known model discrepancies are set aside. */
export function acceptableResponse(_operation: OperationName, result: ValidationResult): boolean {
  if (result.valid) return true
  if (result.exception !== 'InvalidParameterException') return false
  return result.errors.every((issue) => KNOWN.some((known) => known(issue)))
}
