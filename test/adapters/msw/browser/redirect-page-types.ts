/** What the redirect page leaves on its window for the test to read. */
declare global {
  interface Window {
    __redirect?: unknown
  }
}

export {}
