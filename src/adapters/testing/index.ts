export { type BrowserlessPage, BrowserlessSession } from './browserless.js'
export {
  type CallSource,
  type CognitoMatchers,
  cognitoMatchers,
  type DeepPartial,
  matchesPartial,
  type PartialInput,
} from './matchers.js'
export { createPasskey, type PasskeyAnswerOptions, type TestPasskey } from './passkey.js'
export {
  type CognitoRouteTarget,
  type PlaywrightRoute,
  type RoutablePage,
  type RouteCognitoDomainsOptions,
  type RoutedRequest,
  routeCognitoDomains,
} from './playwright.js'
export {
  COGNITO_CLIENT_KEY_PREFIXES,
  clearCognitoClientStorage,
  type KeyedStorage,
  type ResetCognitoOptions,
  type ResettableCognito,
  resetCognito,
} from './reset.js'
export {
  type Conformance,
  type Credentials,
  type Deviation,
  formatResult,
  formatSummary,
  type OperationResult,
  type Rule,
  VERIFY_PREFIX,
  VerifyError,
  type VerifyOptions,
  type VerifyReport,
  verifyProvider,
} from './verify/index.js'
