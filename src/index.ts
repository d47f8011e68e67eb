export type { Operations, Shapes } from '../generated/types.js'
export { type OperationName, operations } from '../schemas/operations.js'
export { service } from '../schemas/service.js'
export * as shapes from '../schemas/shapes.js'
export { fromSdk, toSdk } from './core/shared/convert.js'
export { schemaKeywords } from './core/shared/keywords.js'
export type { IssueKeyword, SerializationIssue, ValidationIssue, ValidationResult } from './core/validate/types.js'
export { operationOf, validate } from './core/validate/validate.js'
export {
  type AnySchema,
  type OperationSchemas,
  type Side,
  validateOperation,
  validateSchema,
} from './core/validate/validate-schema.js'
