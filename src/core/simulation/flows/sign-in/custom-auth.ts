import type { Can } from '../../context.js'
import { fail } from '../../context.js'
import { invalidParameter } from '../../errors.js'
import type { LambdaErrors } from '../../lambdas.js'
import { hidesUsers } from '../../resources/existence.js'
import type { SessionRow } from '../../resources/sessions.js'
import { openSession } from '../../resources/sessions.js'
import { lookupUser, type UserRow } from '../../resources/users.js'
import {
  type CustomEnv,
  type CustomStep,
  checkCustomAuth,
  createChallenge,
  defineChallenge,
  verifyChallenge,
} from '../../triggers/custom-auth.js'
import { gate } from './begin.js'
import { type AuthAnswer, type AuthEnv, challenge, finish, triggerEnv } from './next.js'

type CustomErrors = LambdaErrors | 'NotAuthorizedException' | 'UserNotFoundException' | 'InvalidParameterException'

/** The user (or, for a client that hides users, the name) a custom sign-in is about. */
function subject(cx: Can<CustomErrors>, env: AuthEnv, name: string): UserRow | undefined {
  const found = lookupUser(cx, env.pool, name)
  if (!found && hidesUsers(env.client)) return undefined
  return gate(cx as never, env, found)
}

/** The custom sign-in's environment as its triggers see it. */
function customEnv(env: AuthEnv): CustomEnv {
  return { ...triggerEnv(env), hidesUsers: hidesUsers(env.client) }
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
  const defined = await defineChallenge(cx, customEnv(env), user, name, steps)
  return act(cx, env, user, name, steps, defined, authTime, deviceKey)
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
  if (defined['issueTokens'] === true) {
    // Chosen: a user who does not exist never gets tokens, whatever the function says.
    if (!user) throw fail(cx, 'NotAuthorizedException', 'Incorrect username or password.')
    return finish(cx, env, user, { authTime, mfaDone: true, ...(deviceKey !== undefined && { deviceKey }) })
  }
  const challengeName = defined['challengeName']
  if (challengeName !== 'CUSTOM_CHALLENGE')
    throw fail(cx, 'InvalidLambdaResponseException', 'Unrecognizable lambda output')
  const created = await createChallenge(cx, customEnv(env), user, name, steps, challengeName)
  const custom = {
    steps,
    privateParameters: created.privateParameters,
    ...(created.metadata !== undefined && { metadata: created.metadata }),
  }
  const parameters = { ...created.publicParameters, USERNAME: user?.username ?? name }
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
  checkCustomAuth(cx, env.pool)
  if (parameters['CHALLENGE_NAME'] === 'SRP_A') {
    const first: CustomStep[] = [{ challengeName: 'SRP_A', challengeResult: true }]
    const user = subject(cx, env, name)
    const defined = await defineChallenge(cx, customEnv(env), user, name, first)
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
  const correct = await verifyChallenge(cx, customEnv(env), user, session.name, custom.privateParameters ?? {}, answer)
  const step: CustomStep = {
    challengeName: 'CUSTOM_CHALLENGE',
    challengeResult: correct,
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
