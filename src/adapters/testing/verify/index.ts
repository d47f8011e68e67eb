export { formatResult, formatSummary } from './format.js'
export type { Credentials } from './sign.js'
export {
  type Conformance,
  type Deviation,
  type OperationResult,
  type Rule,
  VerifyError,
  type VerifyOptions,
  type VerifyReport,
} from './types.js'
export { VERIFY_PREFIX, verifyProvider } from './verify.js'
