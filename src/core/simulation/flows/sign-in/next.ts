import type { AuthenticationResultType, ChallengeNameType } from '../../../../../generated/types.js'
import type { Can } from '../../context.js'
import { fail } from '../../context.js'
import type { LambdaErrors } from '../../lambdas.js'
import type { ClientRow } from '../../resources/clients.js'
import { mask } from '../../resources/messages.js'
import { type MfaType, mfaStep, poolMethods, settingsOf } from '../../resources/mfa.js'
import { openSession, type SessionRow } from '../../resources/sessions.js'
import type { PoolRow } from '../../resources/user-pools.js'
import { attribute, type UserRow } from '../../resources/users.js'
import { postAuthentication } from '../../triggers/authentication.js'
import type { TokenSource } from '../../triggers/pre-token.js'
import { deliver } from '../messages.js'
import { type Attempt, assessSignIn, blockWithoutMfa, passEvent, type RiskVerdict } from '../threat-protection.js'
import { clearFailures } from './lockout.js'
import { authenticationResult } from './tokens.js'

/** Where a sign-in happens: the pool, the app client, and whether the admin operations carry it. */
export interface AuthEnv {
  readonly pool: PoolRow
  readonly client: ClientRow
  readonly admin: boolean
  /** The call's ClientMetadata, for the triggers that get it. */
  readonly clientMetadata?: Readonly<Record<string, string>> | undefined
  /** A sign-in on the domain's pages: its tokens come later, from the token endpoint (no API tokens, no device). */
  readonly hosted?: boolean | undefined
  /** The address threat protection sees for the call (see `callAddress`). */
  readonly ip?: string | undefined
  /** A custom authentication flow (threat protection covers it only under CustomAuthMode). */
  readonly custom?: boolean | undefined
}

/** The sign-in as threat protection sees it. */
export function attemptOf(env: AuthEnv): Attempt {
  return {
    pool: env.pool,
    clientId: env.client.client.ClientId,
    ...(env.ip !== undefined && { ip: env.ip }),
    ...(env.custom && { custom: true }),
  }
}

/** The triggers' view of a sign-in's environment (admin operations have no client in their events). */
export function triggerEnv(env: AuthEnv) {
  return {
    pool: env.pool,
    clientId: env.admin ? undefined : env.client.client.ClientId,
    clientMetadata: env.clientMetadata,
  }
}

/** What InitiateAuth and RespondToAuthChallenge answer: a challenge with its session, or tokens (never both). */
export interface AuthAnswer {
  readonly ChallengeName?: ChallengeNameType | undefined
  readonly Session?: string | undefined
  readonly ChallengeParameters: Record<string, string>
  readonly AuthenticationResult?: AuthenticationResultType | undefined
  readonly AvailableChallenges?: ChallengeNameType[] | undefined
  /** A hosted sign-in's end (never in an API answer): who signed in, and when the first factor was proved. */
  readonly signedIn?: { readonly user: string; readonly authTime: number } | undefined
}

/** How far a sign-in has come. */
export interface Progress {
  /** When the first factor was proved: the tokens' auth_time. */
  readonly authTime: number
  readonly deviceKey?: string | undefined
  /** Whether the device's own SRP check passed (a remembered device then skips MFA). */
  readonly deviceProved?: boolean | undefined
  /** Whether MFA was answered (or is not asked, as after a passwordless first factor). */
  readonly mfaDone?: boolean | undefined
  /** How pre token generation will see the tokens' making (TokenGeneration_Authentication unless said). */
  readonly tokenSource?: TokenSource | undefined
  /** Threat protection's verdict, once the first factor was proved: its event, and MFA it asks for. */
  readonly risk?: RiskVerdict | undefined
}

/** A challenge answer: its name, parameters and a fresh session carrying the progress. */
export function challenge(
  cx: Can<never>,
  env: AuthEnv,
  user: UserRow,
  name: ChallengeNameType,
  parameters: Record<string, string>,
  progress: Progress,
  extra: Partial<SessionRow> = {},
): AuthAnswer {
  const session = openSession(cx, env.client, {
    user: user.key,
    name: user.username,
    admin: env.admin,
    challenge: name,
    authTime: progress.authTime,
    ...(progress.deviceKey !== undefined && { deviceKey: progress.deviceKey }),
    ...(progress.deviceProved && { deviceProved: true }),
    ...(progress.risk !== undefined && { risk: progress.risk }),
    ...extra,
  })
  return { ChallengeName: name, Session: session.id, ChallengeParameters: parameters }
}

/** Sends a one-time sign-in code (MFA or a passwordless first factor) and opens its challenge. */
export async function codeChallenge(
  cx: Can<LambdaErrors>,
  env: AuthEnv,
  user: UserRow,
  name: 'SMS_MFA' | 'EMAIL_OTP' | 'SMS_OTP',
  progress: Progress,
): Promise<AuthAnswer> {
  const medium = name === 'EMAIL_OTP' ? 'EMAIL' : 'SMS'
  const attr = medium === 'EMAIL' ? 'email' : 'phone_number'
  const destination = attribute(user, attr)!
  // Seen (Medium-High): passwordless sign-in codes (EMAIL_OTP, SMS_OTP as a first factor) are eight digits, "fixed at
  // 8 digits" (https://github.com/aws-amplify/amplify-js/issues/14428; a magic-link report shows `code=12345678`,
  // amplify-js#13175). Chosen: six digits for MFA codes, as for the pool's other codes (their length not established).
  const passwordless = name === 'SMS_OTP' || (name === 'EMAIL_OTP' && progress.mfaDone === true)
  const code = cx.secrets.chars(passwordless ? 8 : 6, '0123456789')
  await deliver(cx, env.pool, user, 'Authentication', {
    medium,
    destination,
    attribute: attr,
    code,
    ...(!env.admin && { clientId: env.client.client.ClientId }),
  })
  // Seen from Cognito for SMS_MFA: the medium and the masked destination, under these names.
  const parameters = { CODE_DELIVERY_DELIVERY_MEDIUM: medium, CODE_DELIVERY_DESTINATION: mask(medium, destination) }
  return challenge(cx, env, user, name, parameters, progress, { code })
}

/** The MFA challenge for a method the user has. */
export async function mfaChallenge(
  cx: Can<LambdaErrors>,
  env: AuthEnv,
  user: UserRow,
  type: MfaType,
  progress: Progress,
): Promise<AuthAnswer> {
  if (type === 'SOFTWARE_TOKEN_MFA') return challenge(cx, env, user, 'SOFTWARE_TOKEN_MFA', {}, progress)
  return codeChallenge(cx, env, user, type, progress)
}

/**
 * The factor adaptive authentication's MFA uses for a user with none turned on: a registered TOTP, else SMS to the
 * phone number, else email, among those the pool offers (seen in the model: "users must have an email address or
 * phone number attribute, or a registered TOTP factor"; chosen: this order).
 */
function riskFactor(pool: PoolRow, user: UserRow): MfaType | undefined {
  const offered = (pool.pool.MfaConfiguration ?? 'OFF') === 'OFF' ? [] : poolMethods(pool)
  if (offered.includes('SOFTWARE_TOKEN_MFA') && settingsOf(user).totpSecret) return 'SOFTWARE_TOKEN_MFA'
  if (offered.includes('SMS_MFA') && attribute(user, 'phone_number')) return 'SMS_MFA'
  if (offered.includes('EMAIL_OTP') && attribute(user, 'email')) return 'EMAIL_OTP'
  return undefined
}

/** Whether the pool hands out device keys (it has a DeviceConfiguration). */
function tracksDevices(pool: PoolRow): boolean {
  return pool.pool.DeviceConfiguration !== undefined
}

/** The tokens that end a sign-in, with a new device's keys when the pool tracks devices and the client named none. */
export async function finish(
  cx: Can<LambdaErrors>,
  env: AuthEnv,
  user: UserRow,
  progress: Progress,
): Promise<AuthAnswer> {
  const current = clearFailures(cx, user)
  passEvent(cx, current, progress.risk?.eventId)
  if (env.hosted) {
    await postAuthentication(cx, triggerEnv(env), current, false)
    return { ChallengeParameters: {}, signedIn: { user: current.key, authTime: progress.authTime } }
  }
  let newDevice: { DeviceKey: string; DeviceGroupKey: string } | undefined
  let deviceKey = progress.deviceKey
  if (tracksDevices(env.pool) && !progress.deviceProved) {
    // Seen in Cognito's output: device keys are `<region>_<uuid>`, group keys a dash and nine characters.
    deviceKey = `${cx.region}_${cx.ids.uuid()}`
    newDevice = { DeviceKey: deviceKey, DeviceGroupKey: `-${cx.ids.chars(9)}` }
    const now = cx.now()
    cx.tables.devices.insert({
      poolId: env.pool.pool.Id,
      user: current.key,
      key: deviceKey,
      group: newDevice.DeviceGroupKey,
      remembered: false,
      created: now,
      modified: now,
      lastAuthenticated: now,
    })
  }
  const signIn = {
    authTime: progress.authTime,
    // Random, not from the seeded ids: a token from before reset(), or from another simulation that shares this
    // process's keys, never names a sign-in of this one. With reproducible secrets it is drawn from the seed like
    // `jti`, so the same calls sign the same tokens (and such a token is then indistinguishable anyway).
    originJti: cx.store.reproducibleSecrets ? cx.secrets.uuid() : globalThis.crypto.randomUUID(),
    ...(deviceKey !== undefined && { deviceKey }),
    ...(progress.risk?.eventId !== undefined && { eventId: progress.risk.eventId }),
  }
  const occasion = {
    source: progress.tokenSource ?? 'TokenGeneration_Authentication',
    clientMetadata: env.clientMetadata,
  }
  const result = await authenticationResult(cx, env.pool, env.client, current, signIn, {
    refresh: true,
    newDevice,
    occasion,
  })
  await postAuthentication(cx, triggerEnv(env), current, newDevice !== undefined)
  return { ChallengeParameters: {}, AuthenticationResult: result }
}

/** The attributes NEW_PASSWORD_REQUIRED shows: the user's, as strings, without `sub` (as AWS's example shows them). */
function currentAttributes(user: UserRow): string {
  return JSON.stringify(Object.fromEntries(user.attributes.filter(([n]) => n !== 'sub')))
}

/** The required attributes the user still lacks, as NEW_PASSWORD_REQUIRED names them (`userAttributes.<name>`). */
export function missingRequired(pool: PoolRow, user: UserRow): string[] {
  return (pool.pool.SchemaAttributes ?? [])
    .filter((a) => a.Required && a.Name !== 'sub' && !attribute(user, a.Name!))
    .map((a) => `userAttributes.${a.Name}`)
}

/**
 * What follows a proved password (or first factor): a new password for a temporary one, the device's own check, MFA,
 * then tokens. Seen from Cognito: NotAuthorizedException "Temporary password has expired and must be reset by an
 * administrator." once TemporaryPasswordValidityDays have passed.
 */
export async function afterFirstFactor(
  cx: Can<'NotAuthorizedException' | LambdaErrors>,
  env: AuthEnv,
  user: UserRow,
  given: Progress,
): Promise<AuthAnswer> {
  const progress =
    given.risk !== undefined ? given : { ...given, risk: await assessSignIn(cx, attemptOf(env), user, undefined) }
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    if (user.temporaryExpires !== undefined && cx.now() > user.temporaryExpires) {
      throw fail(cx, 'NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.')
    }
    const parameters = {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: JSON.stringify(missingRequired(env.pool, user)),
      userAttributes: currentAttributes(user),
    }
    return challenge(cx, env, user, 'NEW_PASSWORD_REQUIRED', parameters, progress)
  }
  if (progress.deviceKey !== undefined && !progress.deviceProved) {
    const device = cx.tables.devices.get(`${env.pool.pool.Id}/${progress.deviceKey}`)
    if (device?.user === user.key && device.verifier !== undefined)
      return challenge(cx, env, user, 'DEVICE_SRP_AUTH', {}, progress)
  }
  const remembered =
    progress.deviceProved && cx.tables.devices.get(`${env.pool.pool.Id}/${progress.deviceKey}`)?.remembered
  if (!progress.mfaDone && !remembered) {
    const step = mfaStep(env.pool, user)
    if (step.kind === 'challenge') return mfaChallenge(cx, env, user, step.type, progress)
    if (step.kind === 'select')
      return challenge(cx, env, user, 'SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: JSON.stringify(step.types) }, progress, {
        choices: step.types,
      })
    if (step.kind === 'setup')
      return challenge(cx, env, user, 'MFA_SETUP', { MFAS_CAN_SETUP: JSON.stringify(step.types) }, progress, {
        choices: step.types,
      })
    if (progress.risk?.mfa) {
      const factor = riskFactor(env.pool, user)
      if (factor) return mfaChallenge(cx, env, user, factor, progress)
      if (progress.risk.mfa === 'REQUIRED') throw blockWithoutMfa(cx, user, progress.risk.eventId)
    }
  }
  return finish(cx, env, user, progress)
}
