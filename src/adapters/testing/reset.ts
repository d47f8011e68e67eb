/**
 * Per-test isolation of both sides of a Cognito test: the pool's state (the server side) and what the clients keep
 * in the browser (the client side), which `reset()` alone leaves behind.
 */

/** What `resetCognito` resets on the server side: the MSW handlers' controls, `cognitoRequestHandler()`, a mock, a simulation. */
export interface ResettableCognito {
  /** Goes back to the fixtures (the controls) or to nothing (a bare simulation); awaited if it returns a promise. */
  reset(): unknown
  /** Resolves once the fixtures are in again (the controls have it); awaited when present. */
  readonly ready?: PromiseLike<unknown> | undefined
}

/** The part of Web Storage `resetCognito` uses: `localStorage`, `sessionStorage`, or a storage of your own. */
export interface KeyedStorage {
  readonly length: number
  key(index: number): string | null
  removeItem(key: string): void
}

/** Options of `resetCognito`. */
export interface ResetCognitoOptions {
  /**
   * The client's own sign-out, run first while the pool still knows the session: Amplify's `signOut` from
   * `aws-amplify/auth`, which revokes the refresh token, clears Amplify's token store wherever it keeps it (its
   * in-memory fallback in Node too), drops its cached credentials and tells `<Authenticator>` through Hub.
   */
  readonly signOut?: (() => unknown) | undefined
  /**
   * The storage areas to clear of the keys Cognito's user pool clients write (see `COGNITO_CLIENT_KEY_PREFIXES`);
   * by default the global `localStorage` and `sessionStorage`, where there are such; `[]` clears none.
   */
  readonly storage?: KeyedStorage | readonly KeyedStorage[] | undefined
}

/**
 * The prefixes of the keys user pool clients keep in Web Storage: `CognitoIdentityServiceProvider.<clientId>.…`
 * (tokens, `LastAuthUser`, sign-in details, clock drift, remembered devices, the hosted UI's OAuth state; both
 * Amplify v6 and amazon-cognito-identity-js) and `CognitoSignInState.…` (Amplify's sign-in in progress, in
 * `sessionStorage`). Identity pool keys (`Cognito.<identityPoolId>.identityId`) are not the user pool's and stay.
 */
export const COGNITO_CLIENT_KEY_PREFIXES: readonly string[] = ['CognitoIdentityServiceProvider.', 'CognitoSignInState.']

/** The global `localStorage` and `sessionStorage`, where they exist and are usable (jsdom, happy-dom, a browser). */
function globalStorages(): KeyedStorage[] {
  const found: KeyedStorage[] = []
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    try {
      // Reading either can throw (an opaque origin, a browser's privacy settings, Node 25.2 and later without
      // --localstorage-file), and Node 25.0 and 25.1 define an empty object there (nodejs/node#60303, #60351).
      const storage = (globalThis as { [key: string]: unknown })[name] as Partial<KeyedStorage> | undefined
      if (typeof storage?.key === 'function' && typeof storage.removeItem === 'function')
        found.push(storage as KeyedStorage)
    } catch {
      // Not usable here: nothing of ours can be in it.
    }
  }
  return found
}

const isList = (storage: KeyedStorage | readonly KeyedStorage[]): storage is readonly KeyedStorage[] =>
  Array.isArray(storage)

/** Removes the user pool clients' keys from one storage area; returns how many it removed. */
export function clearCognitoClientStorage(storage: KeyedStorage): number {
  const keys: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (key !== null && COGNITO_CLIENT_KEY_PREFIXES.some((prefix) => key.startsWith(prefix))) keys.push(key)
  }
  for (const key of keys) storage.removeItem(key)
  return keys.length
}

/**
 * Isolates one test from the next, on both sides: runs the client's `signOut` if given (while the pool still knows
 * the session), then `cognito.reset()` (recorded calls, overrides, users, sessions, messages: back to the fixtures)
 * and waits for the fixtures, then clears the user pool clients' keys from Web Storage (`localStorage` and
 * `sessionStorage` by default), where Amplify and amazon-cognito-identity-js keep tokens that `reset()` cannot reach.
 * The reset and the clearing happen even when `signOut` throws; its error is rethrown after them.
 */
export async function resetCognito(cognito: ResettableCognito, options: ResetCognitoOptions = {}): Promise<void> {
  let failure: { error: unknown } | undefined
  try {
    await options.signOut?.()
  } catch (error) {
    failure = { error }
  }
  try {
    await cognito.reset()
    await cognito.ready
  } finally {
    const storage = options.storage ?? globalStorages()
    const areas: readonly KeyedStorage[] = isList(storage) ? storage : [storage]
    for (const area of areas) clearCognitoClientStorage(area)
  }
  if (failure) throw failure.error
}
