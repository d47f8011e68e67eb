import { expect } from 'vitest'
import { cognitoMatchers, type CognitoMatchers } from './matchers.js'

expect.extend(cognitoMatchers)

declare module 'vitest' {
  // The type parameter must read exactly as in Vitest's own declaration for the two to merge.
  interface Matchers<T = any> extends CognitoMatchers<T> {}
}
