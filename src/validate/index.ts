export { validate, validateSchema, schemaOf, type AnySchema, type Side } from './validate.js'
export { cognitoEnumOrder, javaStringHash } from './java-order.js'
export { constraintText, validationMessage } from './messages.js'
export type { IssueKeyword, SerializationIssue, ValidationIssue, ValidationResult } from './types.js'
