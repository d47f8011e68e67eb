export { type CallSource, type CognitoMatchers, cognitoMatchers, matchesPartial } from './matchers.js'
