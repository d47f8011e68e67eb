import { expect } from 'vitest'
import { type CognitoMatchers, cognitoMatchers } from './matchers.js'

expect.extend(cognitoMatchers)

declare module 'vitest' {
  // The type parameter must read exactly as in Vitest's own declaration for the two to merge.
  // biome-ignore lint/suspicious/noExplicitAny: Vitest declares it with `any`; a different default would not merge.
  interface Matchers<T = any> extends CognitoMatchers<T> {}
}
