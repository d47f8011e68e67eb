import { expect } from 'vitest'
import { cognitoMatchers, type CognitoMatchers } from './matchers.js'

expect.extend(cognitoMatchers)

declare module 'vitest' {
  interface Assertion<T> extends CognitoMatchers<T> {}
  interface AsymmetricMatchersContaining extends CognitoMatchers {}
}
