// Type-level test (checked by `npm run typecheck`): calls() of one operation types its input and output.
import type { Operations } from '../../generated/types.js'
import type { CognitoMock } from '../../src/core/mock/mock.js'

/** Strict type identity. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

declare const mock: CognitoMock
const one = mock.calls('InitiateAuth')[0]!
const any = mock.calls()[0]!
const byObject = mock.calls({ operation: 'SignUp' })[0]!

/** A call of one operation carries that operation's request type. */
export const typedInput: Equal<typeof one.input, Operations['InitiateAuth']['input']> = true
/** And its response type, when there is one. */
export const typedOutput: Equal<NonNullable<typeof one.output>, Operations['InitiateAuth']['output']> = true
/** Calls of any operation stay unknown, as before. */
export const anyInput: Equal<typeof any.input, unknown> = true
/** The filter may be given as an object too. */
export const objectFilter: Equal<typeof byObject.input, Operations['SignUp']['input']> = true
