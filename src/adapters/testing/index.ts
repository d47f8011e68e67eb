export {
  type CallSource,
  type CognitoMatchers,
  cognitoMatchers,
  type DeepPartial,
  matchesPartial,
  type PartialInput,
} from './matchers.js'
