import type { AuthFlowType, ChallengeNameType } from '../../../../../generated/types.js'
import { fromHex, G, hashText, modPow, N, padHex, serverPublic, verifierOfKey } from '../../../shared/srp.js'
import type { Can } from '../../context.js'
import { fail } from '../../context.js'
import { invalidParameter } from '../../errors.js'
import type { LambdaErrors } from '../../lambdas.js'
import { checkSecretHash } from '../../resources/clients.js'
import { hidesUsers } from '../../resources/existence.js'
import { mfaStep } from '../../resources/mfa.js'
import { keyMatches, saltOf } from '../../resources/password-keys.js'
import { openSession } from '../../resources/sessions.js'
import { attribute, lookupUser, type UserRow } from '../../resources/users.js'
import { preAuthentication } from '../../triggers/authentication.js'
import { migrateUser } from '../migration.js'
import { assessSignIn, recordWrongPassword } from '../threat-protection.js'
import { checkLockout, countFailure } from './lockout.js'
import { type AuthAnswer, type AuthEnv, afterFirstFactor, attemptOf, codeChallenge, triggerEnv } from './next.js'
import { passkeyChallenge, passkeyOffer } from './passkey.js'
import { unknownUserChoice } from './unknown-user.js'

/** Errors a sign-in may answer with before any challenge. */
export type BeginErrors =
  | 'NotAuthorizedException'
  | 'UserNotFoundException'
  | 'UserNotConfirmedException'
  | 'PasswordResetRequiredException'
  | 'InvalidParameterException'
  | LambdaErrors

/** The ExplicitAuthFlows value that allows each flow, and the legacy value that allowed it before ALLOW_ values. */
const ALLOWED_BY: Partial<Record<AuthFlowType, { readonly allow: string; readonly legacy?: string }>> = {
  USER_SRP_AUTH: { allow: 'ALLOW_USER_SRP_AUTH' },
  USER_PASSWORD_AUTH: { allow: 'ALLOW_USER_PASSWORD_AUTH', legacy: 'USER_PASSWORD_AUTH' },
  ADMIN_USER_PASSWORD_AUTH: { allow: 'ALLOW_ADMIN_USER_PASSWORD_AUTH', legacy: 'ADMIN_NO_SRP_AUTH' },
  ADMIN_NO_SRP_AUTH: { allow: 'ALLOW_ADMIN_USER_PASSWORD_AUTH', legacy: 'ADMIN_NO_SRP_AUTH' },
  CUSTOM_AUTH: { allow: 'ALLOW_CUSTOM_AUTH', legacy: 'CUSTOM_AUTH_FLOW_ONLY' },
  USER_AUTH: { allow: 'ALLOW_USER_AUTH' },
}

/**
 * Refuses a flow the operation or the client does not allow. Seen from Cognito: "Initiate Auth method not
 * supported." for admin flows on InitiateAuth and USER_PASSWORD_AUTH on AdminInitiateAuth; "USER_PASSWORD_AUTH flow
 * not enabled for this client"; "Auth flow not enabled for this client" for the admin password flows. The other
 * flows' wording follows the first pattern (chosen). Refresh is always allowed ("REFRESH_TOKEN_AUTH should always be
 * allowed", seen). Clients with only legacy values allow SRP and what their legacy values name.
 */
export function checkFlow(cx: Can<'InvalidParameterException'>, env: AuthEnv, flow: AuthFlowType): void {
  const adminOnly = flow === 'ADMIN_USER_PASSWORD_AUTH' || flow === 'ADMIN_NO_SRP_AUTH'
  if ((adminOnly && !env.admin) || (flow === 'USER_PASSWORD_AUTH' && env.admin))
    throw invalidParameter(cx, 'Initiate Auth method not supported.')
  const rule = ALLOWED_BY[flow]
  if (!rule) return
  const flows = env.client.client.ExplicitAuthFlows ?? []
  const modern = flows.some((f) => f.startsWith('ALLOW_'))
  const allowed = modern
    ? flows.includes(rule.allow as never)
    : flow === 'USER_SRP_AUTH' || (rule.legacy !== undefined && flows.includes(rule.legacy as never))
  if (allowed || (flow === 'USER_AUTH' && flows.includes('ALLOW_USER_AUTH'))) return
  throw invalidParameter(
    cx,
    adminOnly ? 'Auth flow not enabled for this client' : `${flow} flow not enabled for this client`,
  )
}

/**
 * The user a sign-in names, refused for its state before any password is checked. Seen from Cognito: unknown users
 * are UserNotFoundException "User does not exist." (a hiding client says "Incorrect username or password."),
 * unconfirmed ones UserNotConfirmedException "User is not confirmed." whatever the password, disabled ones
 * "User is disabled.", those who must reset PasswordResetRequiredException "Password reset required for the user"
 * (a hiding client: "Incorrect username or password."), locked ones "Password attempts exceeded".
 */
export function gate(cx: Can<BeginErrors>, env: AuthEnv, user: UserRow | undefined): UserRow {
  const hides = hidesUsers(env.client)
  if (!user) {
    if (hides) throw fail(cx, 'NotAuthorizedException', 'Incorrect username or password.')
    throw fail(cx, 'UserNotFoundException', 'User does not exist.')
  }
  checkLockout(cx, user)
  if (user.status === 'UNCONFIRMED') throw fail(cx, 'UserNotConfirmedException', 'User is not confirmed.')
  if (!user.enabled) throw fail(cx, 'NotAuthorizedException', 'User is disabled.')
  if (user.status === 'RESET_REQUIRED') {
    if (hides) throw fail(cx, 'NotAuthorizedException', 'Incorrect username or password.')
    throw fail(cx, 'PasswordResetRequiredException', 'Password reset required for the user')
  }
  return user
}

/** A wrong password: counted towards a lockout, answered as Cognito does ("Incorrect username or password.", seen). */
export function wrongPassword(cx: Can<'NotAuthorizedException'>, user: UserRow | undefined) {
  if (user) countFailure(cx, user)
  return fail(cx, 'NotAuthorizedException', 'Incorrect username or password.')
}

/** A password flow (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH, USER_AUTH's PASSWORD). */
export async function passwordSignIn(
  cx: Can<BeginErrors>,
  env: AuthEnv,
  name: string,
  password: string | undefined,
  deviceKey: string | undefined,
  preAuthenticated = false,
): Promise<AuthAnswer> {
  // Seen (Medium: a spike against Cognito recorded "Missing required parameter USERNAME" / "PASSWORD").
  if (password === undefined) throw invalidParameter(cx, 'Missing required parameter PASSWORD')
  // UserMigration_Authentication for a user the pool does not know, then PreAuthentication (AWS's documentation).
  const found =
    lookupUser(cx, env.pool, name) ??
    (await migrateUser(cx, env.pool, {
      source: 'UserMigration_Authentication',
      userName: name,
      clientId: triggerEnv(env).clientId,
      password,
      clientMetadata: env.clientMetadata,
    }))
  if (!preAuthenticated) await preAuthentication(cx, triggerEnv(env), found, name, hidesUsers(env.client))
  const user = gate(cx, env, found)
  if (!keyMatches(user, user.passwordKey, password)) {
    recordWrongPassword(cx, attemptOf(env), user)
    throw wrongPassword(cx, user)
  }
  return afterFirstFactor(cx, env, user, {
    authTime: Math.floor(cx.now()),
    ...(deviceKey !== undefined && { deviceKey }),
    risk: await assessSignIn(cx, attemptOf(env), user, password),
  })
}

/** The salt and user id a hiding client answers for a user who does not exist: the same for the same name (AWS's documentation). */
function simulatedSrpUser(poolId: string, name: string): { salt: string; userId: string; v: bigint } {
  const hash = hashText(`${poolId}/${name}`)
  const userId = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-a${hash.slice(17, 20)}-${hash.slice(20, 32)}`
  return { salt: hash.slice(32, 64), userId, v: modPow(G, fromHex(hash), N) }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/**
 * USER_SRP_AUTH's first step (and USER_AUTH's PASSWORD_SRP): the PASSWORD_VERIFIER challenge with SALT, SRP_B,
 * SECRET_BLOCK, USER_ID_FOR_SRP and USERNAME (AWS's documentation), USER_ID_FOR_SRP being the username Cognito keeps.
 * A hiding client answers a user who does not exist with a plausible challenge that then fails at the proof.
 */
export async function srpSignIn(
  cx: Can<BeginErrors>,
  env: AuthEnv,
  name: string,
  srpA: string | undefined,
  deviceKey: string | undefined,
  preAuthenticated = false,
): Promise<AuthAnswer> {
  // Seen (Medium: a project's troubleshooting notes quote "Missing required parameter SRP_A" from Cognito).
  if (srpA === undefined || !/^[0-9a-fA-F]+$/.test(srpA)) throw invalidParameter(cx, 'Missing required parameter SRP_A')
  const found = lookupUser(cx, env.pool, name)
  if (!preAuthenticated) await preAuthentication(cx, triggerEnv(env), found, name, hidesUsers(env.client))
  const simulated = !found && hidesUsers(env.client) ? simulatedSrpUser(env.pool.pool.Id, name) : undefined
  const user = simulated ? undefined : gate(cx, env, found)
  const poolName = env.pool.pool.Id.slice(env.pool.pool.Id.indexOf('_') + 1)
  const salt = user ? saltOf(user) : simulated!.salt
  const userId = user ? user.username : simulated!.userId
  // A user without a password gets a verifier no password matches (chosen: it answered as if its password were '').
  const v = user ? verifierOfKey(user.passwordKey ?? cx.secrets.chars(64, '0123456789abcdef')) : simulated!.v
  const b = fromHex(cx.secrets.chars(64, '0123456789abcdef'))
  const B = serverPublic(v, b)
  const secretBlock = cx.secrets.chars(128, BASE64)
  openSession(cx, env.client, {
    id: secretBlock,
    ...(user && { user: user.key }),
    name,
    admin: env.admin,
    challenge: 'PASSWORD_VERIFIER',
    srp: { A: srpA, b: padHex(b), B: padHex(B), salt, userId, poolName, v: padHex(v) },
    ...(deviceKey !== undefined && { deviceKey }),
  })
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: salt,
      SRP_B: B.toString(16),
      SECRET_BLOCK: secretBlock,
      USER_ID_FOR_SRP: userId,
      USERNAME: userId,
    },
  }
}

/** The first factors a user can sign in with through USER_AUTH: those the pool allows and the user has. */
export function firstFactors(cx: Can<never>, env: AuthEnv, user: UserRow): ChallengeNameType[] {
  const allowed = env.pool.pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD']
  const out: ChallengeNameType[] = []
  if (allowed.includes('PASSWORD') && user.passwordKey !== undefined) out.push('PASSWORD', 'PASSWORD_SRP')
  // Seen (Developer Guide, quoted at passkeyOffer): one-time codes as a first factor are not for users MFA is due for.
  const codesAllowed = mfaStep(env.pool, user).kind === 'none'
  if (
    codesAllowed &&
    allowed.includes('EMAIL_OTP') &&
    attribute(user, 'email') &&
    attribute(user, 'email_verified') === 'true'
  )
    out.push('EMAIL_OTP')
  if (
    codesAllowed &&
    allowed.includes('SMS_OTP') &&
    attribute(user, 'phone_number') &&
    attribute(user, 'phone_number_verified') === 'true'
  )
    out.push('SMS_OTP')
  // Last, as in the model's example of AvailableChallenges (PASSWORD, PASSWORD_SRP, EMAIL_OTP, SMS_OTP, WEB_AUTHN).
  if (allowed.includes('WEB_AUTHN') && passkeyOffer(cx, env, user)) out.push('WEB_AUTHN')
  return out
}

/**
 * USER_AUTH (choice-based sign-in): straight to the preferred first factor, or SELECT_CHALLENGE with the
 * AvailableChallenges (the model's documentation). A hiding client answers a user who does not exist with plausible
 * challenges (see unknownUserChoice).
 */
export async function choiceSignIn(
  cx: Can<BeginErrors>,
  env: AuthEnv,
  name: string,
  parameters: Readonly<Record<string, string>>,
): Promise<AuthAnswer> {
  const found = lookupUser(cx, env.pool, name)
  await preAuthentication(cx, triggerEnv(env), found, name, hidesUsers(env.client))
  if (!found && hidesUsers(env.client)) return unknownUserChoice(cx, env, name, parameters)
  const user = gate(cx, env, found)
  const available = firstFactors(cx, env, user)
  const preferred = parameters['PREFERRED_CHALLENGE']
  const deviceKey = parameters['DEVICE_KEY']
  if (preferred !== undefined && available.includes(preferred as ChallengeNameType)) {
    return startFactor(cx, env, user, preferred as ChallengeNameType, parameters, deviceKey)
  }
  const session = openSession(cx, env.client, {
    user: user.key,
    name: user.username,
    admin: env.admin,
    challenge: 'SELECT_CHALLENGE',
    choices: available,
    ...(deviceKey !== undefined && { deviceKey }),
  })
  return {
    ChallengeName: 'SELECT_CHALLENGE',
    Session: session.id,
    ChallengeParameters: {},
    AvailableChallenges: available,
  }
}

/** Starts a first factor USER_AUTH chose: a password given now, SRP, a code sent now, or a passkey's challenge. */
export async function startFactor(
  cx: Can<BeginErrors>,
  env: AuthEnv,
  user: UserRow,
  factor: ChallengeNameType,
  values: Readonly<Record<string, string>>,
  deviceKey: string | undefined,
): Promise<AuthAnswer> {
  if (factor === 'PASSWORD') return passwordSignIn(cx, env, user.username, values['PASSWORD'], deviceKey, true)
  if (factor === 'PASSWORD_SRP') return srpSignIn(cx, env, user.username, values['SRP_A'], deviceKey, true)
  if (factor === 'EMAIL_OTP' || factor === 'SMS_OTP')
    return codeChallenge(cx, env, user, factor, {
      authTime: Math.floor(cx.now()),
      mfaDone: true,
      ...(deviceKey !== undefined && { deviceKey }),
    })
  if (factor === 'WEB_AUTHN') return passkeyChallenge(cx, env, user, deviceKey)
  throw invalidParameter(cx, `${factor} is not available for this user.`)
}

/** Checks SECRET_HASH of a client with a secret against the name the request uses. */
export function checkHash(
  cx: Can<'NotAuthorizedException'>,
  env: AuthEnv,
  name: string,
  hash: string | undefined,
): void {
  checkSecretHash(cx, env.client, name, hash)
}
