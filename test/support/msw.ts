/**
 * "Fail on requests no handler answers", in the spelling of both msw 2 (`onUnhandledRequest`) and
 * msw 3 (`onUnhandledFrame`); each major ignores the other's key.
 */
export const STRICT = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as never
