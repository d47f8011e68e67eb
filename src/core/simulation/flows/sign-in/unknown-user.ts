import type { ChallengeNameType } from '../../../../../generated/types.js'
import { hashText } from '../../../shared/srp.js'
import type { Can } from '../../context.js'
import { invalidParameter } from '../../errors.js'
import { simulatedTarget } from '../../resources/delivery-targets.js'
import { mask } from '../../resources/messages.js'
import { openSession } from '../../resources/sessions.js'
import type { BeginErrors } from './begin.js'
import { srpSignIn, wrongPassword } from './begin.js'
import type { AuthAnswer, AuthEnv } from './next.js'

/**
 * The first factors a hiding client (PreventUserExistenceErrors ENABLED) offers through USER_AUTH for a user who does
 * not exist. Seen (High, the Developer Guide's "Managing user existence error responses"): Cognito "responds to
 * requests for choice-based authentication with a random" set of the challenges the pool allows, instead of the
 * generic failure other flows give. Chosen without evidence: the password factors whenever the pool allows them, the
 * one-time codes by a hash of the name, so the same name gets the same answer (as the simulated SRP salt does);
 * never WEB_AUTHN (no passkey could answer it).
 */
export function unknownUserFactors(env: AuthEnv, name: string): ChallengeNameType[] {
  const allowed = env.pool.pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD']
  const bits = Number.parseInt(hashText(`${env.pool.pool.Id}/${name}`).slice(0, 2), 16)
  const out: ChallengeNameType[] = []
  if (allowed.includes('PASSWORD')) out.push('PASSWORD', 'PASSWORD_SRP')
  if (allowed.includes('EMAIL_OTP') && (bits & 1 || out.length === 0)) out.push('EMAIL_OTP')
  if (allowed.includes('SMS_OTP') && (bits & 2 || out.length === 0)) out.push('SMS_OTP')
  return out
}

/** USER_AUTH for a user who does not exist, through a hiding client: a plausible SELECT_CHALLENGE or challenge. */
export async function unknownUserChoice(
  cx: Can<BeginErrors>,
  env: AuthEnv,
  name: string,
  parameters: Readonly<Record<string, string>>,
): Promise<AuthAnswer> {
  const available = unknownUserFactors(env, name)
  const preferred = parameters['PREFERRED_CHALLENGE'] as ChallengeNameType | undefined
  if (preferred !== undefined && available.includes(preferred))
    return unknownUserFactor(cx, env, name, preferred, parameters, parameters['DEVICE_KEY'])
  const session = openSession(cx, env.client, {
    name,
    admin: env.admin,
    challenge: 'SELECT_CHALLENGE',
    choices: available,
    simulated: true,
  })
  return {
    ChallengeName: 'SELECT_CHALLENGE',
    Session: session.id,
    ChallengeParameters: {},
    AvailableChallenges: available,
  }
}

/**
 * A factor chosen for a user who does not exist: a password is wrong as any wrong password is ("Incorrect username
 * or password.", the Developer Guide), SRP answers with the simulated verifier, and a one-time code is "sent" to the
 * simulated address (chosen: the one ForgotPassword's simulated delivery names) and never matches.
 */
export async function unknownUserFactor(
  cx: Can<BeginErrors>,
  env: AuthEnv,
  name: string,
  factor: ChallengeNameType,
  values: Readonly<Record<string, string>>,
  deviceKey: string | undefined,
): Promise<AuthAnswer> {
  if (factor === 'PASSWORD') {
    if (values['PASSWORD'] === undefined) throw invalidParameter(cx, 'Missing required parameter PASSWORD')
    throw wrongPassword(cx, undefined)
  }
  if (factor === 'PASSWORD_SRP') return srpSignIn(cx, env, name, values['SRP_A'], deviceKey, true)
  if (factor === 'EMAIL_OTP' || factor === 'SMS_OTP') {
    const target = simulatedTarget(env.pool, name)
    const medium = factor === 'EMAIL_OTP' ? 'EMAIL' : 'SMS'
    const destination =
      medium === target.medium ? target.destination : medium === 'EMAIL' ? `${name}@example.com` : '+10000000000'
    const session = openSession(cx, env.client, { name, admin: env.admin, challenge: factor, simulated: true })
    return {
      ChallengeName: factor,
      Session: session.id,
      ChallengeParameters: {
        CODE_DELIVERY_DELIVERY_MEDIUM: medium,
        CODE_DELIVERY_DESTINATION: mask(medium, destination),
      },
    }
  }
  throw invalidParameter(cx, 'The challenge chosen is not available for this user.')
}
