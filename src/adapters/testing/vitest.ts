import { expect, inject } from 'vitest'
import { supplyKeys } from '../../core/simulation/resources/keyring.js'
import { type CognitoMatchers, cognitoMatchers } from './matchers.js'
import { SIGNING_KEYS } from './signing-keys.js'

expect.extend(cognitoMatchers)

/** The signing keys the global setup (`testing/vitest-setup`) made for the run; none without it or outside Vitest. */
function providedKeys(): unknown {
  try {
    return inject(SIGNING_KEYS)
  } catch {
    return undefined // imported outside a Vitest worker (plain Node), where there is nothing to inject
  }
}

const keys = providedKeys()
if (Array.isArray(keys)) supplyKeys(keys)

declare module 'vitest' {
  // The type parameter must read exactly as in Vitest's own declaration for the two to merge.
  // biome-ignore lint/suspicious/noExplicitAny: Vitest declares it with `any`; a different default would not merge.
  interface Matchers<T = any> extends CognitoMatchers<T> {}
}
