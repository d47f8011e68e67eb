import type { Can } from '../context.js'
import type { LambdaErrors } from '../lambdas.js'
import type { PoolRow } from '../resources/user-pools.js'
import type { UserRow } from '../resources/users.js'
import { eventAttributes } from './events.js'
import { invokeTrigger } from './invoke.js'
import { RESPONSES } from './responses.js'

/** Where a sign-in's triggers run: the pool, the client, and the ClientMetadata of the call. */
export interface TriggerEnv {
  readonly pool: PoolRow
  readonly clientId?: string | undefined
  readonly clientMetadata?: Readonly<Record<string, string>> | undefined
}

/**
 * PreAuthentication before a password is checked: for a user who exists, and for one who does not when the client
 * hides users (`userNotFound: true`), as captured against Cognito; InitiateAuth's ClientMetadata arrives as
 * `validationData` (AWS's documentation). A throw refuses the sign-in whether or not the password was right.
 */
export async function preAuthentication(
  cx: Can<LambdaErrors>,
  env: TriggerEnv,
  user: UserRow | undefined,
  name: string,
  hidesUsers: boolean,
): Promise<void> {
  if (!user && !hidesUsers) return
  await invokeTrigger(
    cx,
    {
      trigger: 'PreAuthentication',
      source: 'PreAuthentication_Authentication',
      pool: env.pool,
      userName: user?.username ?? name,
      clientId: env.clientId,
      request: {
        userAttributes: user ? eventAttributes(env.pool, user) : {},
        validationData: env.clientMetadata ?? null,
        ...(hidesUsers && { userNotFound: !user }),
      },
    },
    RESPONSES.Empty,
  )
}

/**
 * PostAuthentication once a sign-in has its tokens (after pre token generation, as reported from real pools);
 * `newDeviceUsed` says whether this sign-in gave the user a new device.
 */
export async function postAuthentication(
  cx: Can<LambdaErrors>,
  env: TriggerEnv,
  user: UserRow,
  newDeviceUsed: boolean,
): Promise<void> {
  await invokeTrigger(
    cx,
    {
      trigger: 'PostAuthentication',
      source: 'PostAuthentication_Authentication',
      pool: env.pool,
      userName: user.username,
      clientId: env.clientId,
      request: {
        userAttributes: eventAttributes(env.pool, user),
        newDeviceUsed,
        ...(env.clientMetadata && { clientMetadata: env.clientMetadata }),
      },
    },
    RESPONSES.Empty,
  )
}
