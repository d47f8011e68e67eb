/** What the redirect page leaves on its window for the test to read. */
declare global {
  interface Window {
    __redirect?: unknown
    /** The signed-in user's ID token payload, set just before `__redirect`. */
    __idToken?: unknown
  }
}

export {}
