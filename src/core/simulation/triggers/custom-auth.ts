import type { Can } from '../context.js'
import { fail } from '../context.js'
import { invalidParameter } from '../errors.js'
import type { LambdaErrors } from '../lambdas.js'
import type { SessionRow } from '../resources/sessions.js'
import type { PoolRow } from '../resources/user-pools.js'
import type { UserRow } from '../resources/users.js'
import type { TriggerEnv } from './authentication.js'
import { eventAttributes } from './events.js'
import { configured, invokeTrigger } from './invoke.js'
import { RESPONSES } from './responses.js'

/** A step of a custom sign-in as DefineAuthChallenge's `request.session` lists it. */
export type CustomStep = NonNullable<SessionRow['custom']>['steps'][number]

/** Where a custom sign-in's triggers run, and whether its client hides unknown users (`userNotFound` in the events). */
export interface CustomEnv extends TriggerEnv {
  readonly hidesUsers: boolean
}

/** Seen from Cognito when CUSTOM_AUTH is asked of a pool without the challenge triggers. */
const NOT_CONFIGURED = 'Custom auth lambda trigger is not configured for the user pool.'

/** Refuses a custom sign-in in a pool without DefineAuthChallenge, the trigger Cognito needs to start one. */
export function checkCustomAuth(cx: Can<'InvalidParameterException'>, pool: PoolRow): void {
  if (configured(pool, 'DefineAuthChallenge') === undefined) throw invalidParameter(cx, NOT_CONFIGURED)
}

function common(env: CustomEnv, user: UserRow | undefined) {
  return {
    userAttributes: user ? eventAttributes(env.pool, user) : {},
    ...(env.clientMetadata && { clientMetadata: env.clientMetadata }),
    ...(env.hidesUsers && { userNotFound: !user }),
  }
}

/** What DefineAuthChallenge decides from the steps so far; a failed authentication is refused here. */
export async function defineChallenge(
  cx: Can<LambdaErrors | 'NotAuthorizedException' | 'InvalidParameterException'>,
  env: CustomEnv,
  user: UserRow | undefined,
  name: string,
  steps: readonly CustomStep[],
): Promise<Record<string, unknown>> {
  const base = { pool: env.pool, userName: user?.username ?? name, clientId: env.clientId }
  const defined = await invokeTrigger(
    cx,
    {
      ...base,
      trigger: 'DefineAuthChallenge',
      source: 'DefineAuthChallenge_Authentication',
      request: { ...common(env, user), session: steps.map((s) => ({ challengeMetadata: null, ...s })) },
      response: { challengeName: null, issueTokens: null, failAuthentication: null },
    },
    RESPONSES.DefineAuthChallenge,
  )
  if (!defined) throw invalidParameter(cx, NOT_CONFIGURED)
  if (defined['failAuthentication'] === true)
    throw fail(cx, 'NotAuthorizedException', 'Incorrect username or password.')
  return defined
}

/** A CUSTOM_CHALLENGE as CreateAuthChallenge makes it: parameters for the client, and those kept for the answer. */
export interface CreatedChallenge {
  readonly publicParameters: Record<string, string>
  readonly privateParameters: Record<string, string>
  readonly metadata?: string | undefined
}

/** CreateAuthChallenge: the challenge DefineAuthChallenge asked for, its parameters as strings. */
export async function createChallenge(
  cx: Can<LambdaErrors>,
  env: CustomEnv,
  user: UserRow | undefined,
  name: string,
  steps: readonly CustomStep[],
  challengeName: 'CUSTOM_CHALLENGE',
): Promise<CreatedChallenge> {
  const base = { pool: env.pool, userName: user?.username ?? name, clientId: env.clientId }
  const created = await invokeTrigger(
    cx,
    {
      ...base,
      trigger: 'CreateAuthChallenge',
      source: 'CreateAuthChallenge_Authentication',
      request: { ...common(env, user), challengeName, session: steps.map((s) => ({ challengeMetadata: null, ...s })) },
      response: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
    },
    RESPONSES.CreateAuthChallenge,
  )
  if (!created)
    throw fail(
      cx,
      'UnexpectedLambdaException',
      'CreateAuthChallenge invocation failed due to error ResourceNotFoundException.',
    )
  const toStrings = (value: unknown) =>
    Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]))
  return {
    publicParameters: toStrings(created['publicChallengeParameters']),
    privateParameters: toStrings(created['privateChallengeParameters']),
    ...(typeof created['challengeMetadata'] === 'string' && { metadata: created['challengeMetadata'] }),
  }
}

/** VerifyAuthChallengeResponse: whether the function judges the ANSWER correct. */
export async function verifyChallenge(
  cx: Can<LambdaErrors | 'InvalidParameterException'>,
  env: CustomEnv,
  user: UserRow | undefined,
  name: string,
  privateParameters: Readonly<Record<string, string>>,
  answer: string,
): Promise<boolean> {
  const verified = await invokeTrigger(
    cx,
    {
      trigger: 'VerifyAuthChallengeResponse',
      source: 'VerifyAuthChallengeResponse_Authentication',
      pool: env.pool,
      userName: user?.username ?? name,
      clientId: env.clientId,
      request: {
        ...common(env, user),
        privateChallengeParameters: privateParameters,
        challengeAnswer: answer,
      },
      response: { answerCorrect: null },
    },
    RESPONSES.VerifyAuthChallengeResponse,
  )
  if (!verified) throw invalidParameter(cx, NOT_CONFIGURED)
  return verified['answerCorrect'] === true
}
