import type { AttributeType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import type { LambdaErrors } from '../lambdas.js'
import type { PoolRow } from '../resources/user-pools.js'
import type { UserRow } from '../resources/users.js'
import { eventAttributes } from './events.js'
import { invokeTrigger } from './invoke.js'
import { RESPONSES } from './responses.js'

/** What a pre sign-up function decided (all false when the pool has none). */
export interface PreSignUpDecision {
  readonly autoConfirmUser: boolean
  readonly autoVerifyEmail: boolean
  readonly autoVerifyPhone: boolean
}

/** Name-value pairs as a trigger's string map, or null when the call sent none (seen: `"validationData": null`). */
export function stringMap(entries: readonly AttributeType[] | undefined): Record<string, string> | null {
  return entries === undefined ? null : Object.fromEntries(entries.map((e) => [e.Name, e.Value ?? '']))
}

/**
 * PreSignUp, before the user exists (a throw leaves no user): `request.userAttributes` are those the call gives,
 * `validationData` its ValidationData (null without), `clientMetadata` its ClientMetadata (AWS's documentation).
 * The flags are honoured for PreSignUp_SignUp only; for PreSignUp_AdminCreateUser Cognito ignores them (and, chosen
 * without evidence, for PreSignUp_ExternalProvider: a federated user needs no confirmation).
 */
export async function preSignUp(
  cx: Can<LambdaErrors>,
  pool: PoolRow,
  call: {
    readonly source: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser' | 'PreSignUp_ExternalProvider'
    readonly userName: string
    readonly clientId?: string | undefined
    readonly attributes: ReadonlyArray<readonly [string, string]>
    readonly validationData?: readonly AttributeType[] | undefined
    readonly clientMetadata?: Readonly<Record<string, string>> | undefined
  },
): Promise<PreSignUpDecision> {
  const response = await invokeTrigger(
    cx,
    {
      trigger: 'PreSignUp',
      source: call.source,
      pool,
      userName: call.userName,
      clientId: call.clientId,
      request: {
        userAttributes: Object.fromEntries(call.attributes),
        validationData: stringMap(call.validationData),
        ...(call.clientMetadata && { clientMetadata: call.clientMetadata }),
      },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    },
    RESPONSES.PreSignUp,
  )
  const honoured = call.source === 'PreSignUp_SignUp' && response !== undefined
  return {
    autoConfirmUser: honoured && response['autoConfirmUser'] === true,
    autoVerifyEmail: honoured && response['autoVerifyEmail'] === true,
    autoVerifyPhone: honoured && response['autoVerifyPhone'] === true,
  }
}

/**
 * PostConfirmation after ConfirmSignUp, AdminConfirmSignUp, an auto-confirmed SignUp (PostConfirmation_ConfirmSignUp)
 * and ConfirmForgotPassword (PostConfirmation_ConfirmForgotPassword); its response is not read (AWS's documentation).
 * A throw fails the call, and the confirmation with it (Cognito answers the caller with the error, captured).
 */
export async function postConfirmation(
  cx: Can<LambdaErrors>,
  pool: PoolRow,
  user: UserRow,
  source: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword',
  clientId: string | undefined,
  clientMetadata: Readonly<Record<string, string>> | undefined,
): Promise<void> {
  await invokeTrigger(cx, {
    trigger: 'PostConfirmation',
    source,
    pool,
    userName: user.username,
    clientId,
    request: {
      userAttributes: eventAttributes(pool, user),
      ...(clientMetadata && { clientMetadata }),
    },
  })
}
