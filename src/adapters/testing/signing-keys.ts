import type { RingKey } from '../../core/simulation/resources/keyring.js'

/** The name under which `cognito-idp-contract/testing/vitest-setup` provides its signing keys to test files. */
export const SIGNING_KEYS = 'cognito-idp-contract:signing-keys'

declare module 'vitest' {
  interface ProvidedContext {
    /** RSA key pairs made once per run by the global setup, for simulations to sign with instead of making their own. */
    'cognito-idp-contract:signing-keys': RingKey[]
  }
}
