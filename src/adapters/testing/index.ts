export { cognitoMatchers, matchesPartial, type CallSource, type CognitoMatchers } from './matchers.js'
