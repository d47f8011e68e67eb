// Type-level test (checked by `npm run typecheck`): toSdk and fromSdk type their values from the shape's name.
import type { UserType as RealUserType } from '@aws-sdk/client-cognito-identity-provider'
import type { Static } from 'typebox'
import type { UserType as OurSdkUserType } from '../../generated/sdk-types.js'
import { UserType } from '../../schemas/shapes.js'
import { fromSdk, toSdk } from '../../src/core/shared/convert.js'

/** Strict type identity. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

declare const wire: Static<typeof UserType>
const sdk = toSdk(UserType, wire)

/** `toSdk(shapes.UserType, u)` is the SDK's UserType (our generated mirror of it)... */
export const sdkTyped: Equal<typeof sdk, OurSdkUserType> = true
/** ...which the real SDK's functions take as their own `UserType`. */
export const realSdkAccepts: RealUserType = sdk
/** Timestamps come out as dates. */
export const dates: Date | undefined = sdk.UserCreateDate
/** And back: the SDK's value in wire form, epoch seconds. */
export const back: number | undefined = fromSdk(UserType, sdk).UserCreateDate
/** A wire value of another shape is refused. */
// @ts-expect-error a number is not a UserType
toSdk(UserType, 5)
/** A plain schema that is not one of the contract's shapes converts to unknown. */
export const plain: Equal<ReturnType<typeof toSdk<{ type: 'object' }>>, unknown> = true
/** A value typed from `cognito-idp-contract/types` (members `?: T | undefined`) converts too. */
declare const typed: import('../../generated/types.js').UserType
export const fromTypes: OurSdkUserType = toSdk(UserType, typed)
