export { cognitoEnumOrder, javaStringHash } from './java-order.js'
export { knownMembers } from './known-members.js'
export { constraintText, validationMessage } from './messages.js'
export type { IssueKeyword, SerializationIssue, ValidationIssue, ValidationResult } from './types.js'
export { operationOf, validate } from './validate.js'
export {
  type AnySchema,
  type OperationSchemas,
  type Side,
  validateOperation,
  validateSchema,
} from './validate-schema.js'
