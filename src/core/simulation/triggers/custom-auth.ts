import type { Can } from '../context.js'
import { fail } from '../context.js'
import { invalidParameter } from '../errors.js'
import { gate } from '../flows/sign-in/begin.js'
import { type AuthAnswer, type AuthEnv, challenge, finish, triggerEnv } from '../flows/sign-in/next.js'
import { hidesUsers } from '../resources/existence.js'
import type { SessionRow } from '../resources/sessions.js'
import { openSession } from '../resources/sessions.js'
import { lookupUser, type UserRow } from '../resources/users.js'
import { eventAttributes } from './events.js'
import { configured, invokeTrigger } from './invoke.js'
import { RESPONSES } from './responses.js'
import type { LambdaErrors } from './types.js'

/** A step of a custom sign-in as DefineAuthChallenge's `request.session` lists it. */
export type CustomStep = NonNullable<SessionRow['custom']>['steps'][number]

type CustomErrors = LambdaErrors | 'NotAuthorizedException' | 'UserNotFoundException' | 'InvalidParameterException'

/** Seen from Cognito when CUSTOM_AUTH is asked of a pool without the challenge triggers. */
const NOT_CONFIGURED = 'Custom auth lambda trigger is not configured for the user pool.'

/** Whether a pool can run custom sign-ins: DefineAuthChallenge is the one Cognito needs to start. */
export function customAuthConfigured(env: AuthEnv): boolean {
  return configured(env.pool, 'DefineAuthChallenge') !== undefined
}

/** The user (or, for a client that hides users, the name) a custom sign-in is about. */
function subject(cx: Can<CustomErrors>, env: AuthEnv, name: string): UserRow | undefined {
  const found = lookupUser(cx, env.pool, name)
  if (!found && hidesUsers(env.client)) return undefined
  return gate(cx as never, env, found)
}

function common(env: AuthEnv, user: UserRow | undefined) {
  return {
    userAttributes: user ? eventAttributes(env.pool, user) : {},
    ...(env.clientMetadata && { clientMetadata: env.clientMetadata }),
    ...(hidesUsers(env.client) && { userNotFound: !user }),
  }
}

/**
 * The next step of a custom sign-in: DefineAuthChallenge decides from the steps so far (AWS's documentation) to
 * issue tokens, to fail ("Incorrect username or password.", as a wrong password), or to ask a CUSTOM_CHALLENGE that
 * CreateAuthChallenge makes: its public parameters (and USERNAME) go to the client, the private ones to
 * VerifyAuthChallengeResponse. A decision that is none of these is "Unrecognizable lambda output" (chosen).
 */
export async function nextCustomStep(
  cx: Can<CustomErrors>,
  env: AuthEnv,
  user: UserRow | undefined,
  name: string,
  steps: readonly CustomStep[],
  authTime: number,
  deviceKey: string | undefined,
): Promise<AuthAnswer> {
  const defined = await decide(cx, env, user, name, steps)
  return act(cx, env, user, name, steps, defined, authTime, deviceKey)
}

/** What DefineAuthChallenge decides from the steps so far; a failed authentication is refused here. */
async function decide(
  cx: Can<CustomErrors>,
  env: AuthEnv,
  user: UserRow | undefined,
  name: string,
  steps: readonly CustomStep[],
): Promise<Record<string, unknown>> {
  const base = { pool: env.pool, userName: user?.username ?? name, clientId: triggerEnv(env).clientId }
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

/** Acts on DefineAuthChallenge's decision: tokens, or the CUSTOM_CHALLENGE CreateAuthChallenge makes. */
async function act(
  cx: Can<CustomErrors>,
  env: AuthEnv,
  user: UserRow | undefined,
  name: string,
  steps: readonly CustomStep[],
  defined: Record<string, unknown>,
  authTime: number,
  deviceKey: string | undefined,
): Promise<AuthAnswer> {
  const base = { pool: env.pool, userName: user?.username ?? name, clientId: triggerEnv(env).clientId }
  if (defined['issueTokens'] === true) {
    // Chosen: a user who does not exist never gets tokens, whatever the function says.
    if (!user) throw fail(cx, 'NotAuthorizedException', 'Incorrect username or password.')
    return finish(cx, env, user, { authTime, mfaDone: true, ...(deviceKey !== undefined && { deviceKey }) })
  }
  const challengeName = defined['challengeName']
  if (challengeName !== 'CUSTOM_CHALLENGE')
    throw fail(cx, 'InvalidLambdaResponseException', 'Unrecognizable lambda output')
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
  const publicParameters = toStrings(created['publicChallengeParameters'])
  const custom = {
    steps,
    privateParameters: toStrings(created['privateChallengeParameters']),
    ...(typeof created['challengeMetadata'] === 'string' && { metadata: created['challengeMetadata'] }),
  }
  const parameters = { ...publicParameters, USERNAME: user?.username ?? name }
  const progress = { authTime, ...(deviceKey !== undefined && { deviceKey }) }
  if (user) return challenge(cx, env, user, 'CUSTOM_CHALLENGE', parameters, progress, { custom })
  const session = openSession(cx, env.client, {
    name,
    admin: env.admin,
    challenge: 'CUSTOM_CHALLENGE',
    custom,
    authTime,
  })
  return { ChallengeName: 'CUSTOM_CHALLENGE', Session: session.id, ChallengeParameters: parameters }
}

/**
 * CUSTOM_AUTH through InitiateAuth: straight to DefineAuthChallenge. With `CHALLENGE_NAME: SRP_A` and `SRP_A`,
 * DefineAuthChallenge is asked first with the session `[{challengeName: "SRP_A", challengeResult: true}]`; when it
 * answers `PASSWORD_VERIFIER` the password is checked by SRP, and its result joins the session; any other decision
 * is acted on as always (seen: AWS's developer guide, user-pool-lambda-define-auth-challenge, whose example function
 * answers PASSWORD_VERIFIER to that first session). PreAuthentication is not invoked (reported of real pools,
 * amplify-js#5318).
 */
export async function customSignIn(
  cx: Can<CustomErrors>,
  env: AuthEnv,
  name: string,
  parameters: Readonly<Record<string, string>>,
  srp: (name: string, srpA: string | undefined) => Promise<AuthAnswer>,
): Promise<AuthAnswer> {
  if (!customAuthConfigured(env)) throw invalidParameter(cx, NOT_CONFIGURED)
  if (parameters['CHALLENGE_NAME'] === 'SRP_A') {
    const first: CustomStep[] = [{ challengeName: 'SRP_A', challengeResult: true }]
    const user = subject(cx, env, name)
    const defined = await decide(cx, env, user, name, first)
    if (defined['challengeName'] !== 'PASSWORD_VERIFIER' || defined['issueTokens'] === true)
      return act(cx, env, user, name, first, defined, Math.floor(cx.now()), parameters['DEVICE_KEY'])
    const answer = await srp(name, parameters['SRP_A'])
    const secretBlock = answer.ChallengeParameters['SECRET_BLOCK']
    const opened = secretBlock === undefined ? undefined : cx.tables.sessions.get(secretBlock)
    if (opened)
      cx.tables.sessions.put({ ...opened, custom: { steps: [{ challengeName: 'SRP_A', challengeResult: true }] } })
    return answer
  }
  const user = subject(cx, env, name)
  return nextCustomStep(cx, env, user, name, [], Math.floor(cx.now()), parameters['DEVICE_KEY'])
}

/** A CUSTOM_CHALLENGE answered: VerifyAuthChallengeResponse judges the ANSWER, and DefineAuthChallenge decides again. */
export async function customAnswer(
  cx: Can<CustomErrors>,
  env: AuthEnv,
  session: SessionRow,
  user: UserRow | undefined,
  answer: string | undefined,
): Promise<AuthAnswer> {
  // Chosen wording; the model documents ANSWER as required for CUSTOM_CHALLENGE.
  if (answer === undefined) throw invalidParameter(cx, 'Missing required parameter ANSWER')
  cx.tables.sessions.delete(session.id)
  const custom = session.custom ?? { steps: [] }
  const verified = await invokeTrigger(
    cx,
    {
      trigger: 'VerifyAuthChallengeResponse',
      source: 'VerifyAuthChallengeResponse_Authentication',
      pool: env.pool,
      userName: user?.username ?? session.name,
      clientId: triggerEnv(env).clientId,
      request: {
        ...common(env, user),
        privateChallengeParameters: custom.privateParameters ?? {},
        challengeAnswer: answer,
      },
      response: { answerCorrect: null },
    },
    RESPONSES.VerifyAuthChallengeResponse,
  )
  if (!verified) throw invalidParameter(cx, NOT_CONFIGURED)
  const step: CustomStep = {
    challengeName: 'CUSTOM_CHALLENGE',
    challengeResult: verified['answerCorrect'] === true,
    ...(custom.metadata !== undefined && { challengeMetadata: custom.metadata }),
  }
  return nextCustomStep(
    cx,
    env,
    user,
    session.name,
    [...custom.steps, step],
    session.authTime ?? Math.floor(cx.now()),
    session.deviceKey,
  )
}
