// Type-level test (checked by `npm run typecheck`): our types against the real
// @aws-sdk/client-cognito-identity-provider, for every operation of the model.
import type { CognitoIdentityProvider } from '@aws-sdk/client-cognito-identity-provider'
import type { OperationName, Operations } from '../../generated/sdk-types.js'
import type { service } from '../../schemas/service.js'

type Method<K extends string> = CognitoIdentityProvider[Uncapitalize<K> & keyof CognitoIdentityProvider]
/** The last overload, `(args, options, cb: (err, data?) => void)`, exposes both the input and the output. */
type Signature<K extends string> =
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's callback error parameter is `any`.
  Method<K> extends (args: infer A, options: infer _O, cb: (err: any, data?: infer D) => void) => void ? [A, D] : never
type SdkInput<K extends string> = Signature<K>[0]
type SdkOutput<K extends string> = Omit<NonNullable<Signature<K>[1]>, '$metadata'>

type Defined<T> = Exclude<T, undefined>
type Leaf = string | number | boolean | Date | Uint8Array
type SameLeaf<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/**
 * The paths at which two types differ in member names, leaf types or enum values (never when they agree).
 * Arrays compare their elements, string-keyed records their values, structures their member sets.
 */
type Diff<A, B, P extends string> = unknown extends A
  ? never
  : [Defined<A>] extends [Leaf]
    ? SameLeaf<Defined<A>, Defined<B>> extends true
      ? never
      : P
    : Defined<A> extends readonly (infer EA)[]
      ? Defined<B> extends readonly (infer EB)[]
        ? Diff<EA, EB, `${P}[]`>
        : P
      : string extends keyof Defined<A>
        ? string extends keyof Defined<B>
          ? Diff<Defined<A>[string], Defined<B>[string], `${P}{}`>
          : P
        : DiffObject<Defined<A>, Defined<B>, P>
type DiffObject<A, B, P extends string> =
  Exclude<keyof A | keyof B, keyof A & keyof B> extends infer K
    ? K extends string
      ? `${P}.${K}`
      : never
    : never | { [K in keyof A & keyof B & string]-?: Diff<A[K], B[K], `${P}.${K}`> }[keyof A & keyof B & string]

type Differences = {
  [K in OperationName]:
    | Diff<Operations[K]['input'], SdkInput<K>, `${K}.input`>
    | Diff<Operations[K]['output'], SdkOutput<K>, `${K}.output`>
}[OperationName]

/**
 * Where the SDK disagrees with the model, named one by one: members the SDK (3.1169) already has and the
 * 2026-10-01 model does not. A refreshed model that adds them makes `knownDifferencesAreStillReal` fail.
 */
type KnownDifferences =
  | 'AdminRespondToAuthChallenge.output.AvailableChallenges'
  | 'RespondToAuthChallenge.output.AvailableChallenges'
  | 'CreateIdentityProvider.input.AcrMapping'
  | 'UpdateIdentityProvider.input.AcrMapping'
  | 'CreateUserPool.input.AcrConfiguration'
  | 'CreateUserPool.input.DcrConfiguration'
  | 'UpdateUserPool.input.AcrConfiguration'
  | 'UpdateUserPool.input.DcrConfiguration'
  | 'ListUserPoolClients.input.ClientType'
  | 'RevokeToken.input.RevokeAssociatedSessions'

type RequestNotAssignable = {
  [K in OperationName]: Operations[K]['input'] extends SdkInput<K> ? never : K
}[OperationName]
type ResponseNotAssignable = {
  [K in OperationName]: Operations[K]['output'] extends SdkOutput<K> ? never : K
}[OperationName]
type MissingFromSdk = { [K in OperationName]: [Signature<K>] extends [never] ? K : never }[OperationName]

/** Each line fails to compile, naming the operations or paths, when the contract and the SDK drift apart. */
export const everyOperationIsInTheSdk: [MissingFromSdk] extends [never] ? true : MissingFromSdk = true
export const requestsAssignToCommandInputs: [RequestNotAssignable] extends [never] ? true : RequestNotAssignable = true
export const responsesAssignToCommandOutputs: [ResponseNotAssignable] extends [never] ? true : ResponseNotAssignable =
  true
export const membersAndEnumsAgree: [Exclude<Differences, KnownDifferences>] extends [never]
  ? true
  : Exclude<Differences, KnownDifferences> = true
export const knownDifferencesAreStillReal: [Exclude<KnownDifferences, Differences>] extends [never]
  ? true
  : Exclude<KnownDifferences, Differences> = true
/** Every operation of the model is compared: the union has as many members as the model has operations. */
export const operationCount: UnionLength<OperationName> = 0 as unknown as (typeof service)['operationCount']
type UnionLength<U, N extends unknown[] = []> = [U] extends [never]
  ? N['length']
  : UnionLength<Exclude<U, LastOf<U>>, [...N, 1]>
type LastOf<U> = (
  (U extends unknown ? (x: () => U) => void : never) extends (x: infer I) => void
    ? I
    : never
) extends () => infer R
  ? R
  : never
