import type { ChallengeNameType } from '../../../../../generated/types.js'
import { constantTimeEqual } from '../../../shared/crypto.js'
import {
  claimSignature,
  derivedKey,
  formatTimestamp,
  fromHex,
  padHex,
  parseTimestamp,
  serverPublic,
  serverSecret,
} from '../../../shared/srp.js'
import type { Can } from '../../context.js'
import { fail } from '../../context.js'
import { invalidParameter } from '../../errors.js'
import type { LambdaErrors } from '../../lambdas.js'
import { checkTotp, type MfaType, settingsOf } from '../../resources/mfa.js'
import { passwordKey } from '../../resources/password-keys.js'
import { checkHistory, checkPassword, nextHistory, PASSWORD_PREFIX } from '../../resources/passwords.js'
import { type SessionRow, takeSession } from '../../resources/sessions.js'
import { checkAttributes, checkWritable, merged } from '../../resources/user-attributes.js'
import { attribute, changed, claimAliases, type UserRow } from '../../resources/users.js'
import { recordMfa, recordWrongPassword } from '../threat-protection.js'
import { type BeginErrors, checkHash, gate, startFactor, wrongPassword } from './begin.js'
import { customAnswer, nextCustomStep } from './custom-auth.js'
import {
  type AuthAnswer,
  type AuthEnv,
  afterFirstFactor,
  attemptOf,
  challenge,
  codeChallenge,
  mfaChallenge,
  missingRequired,
  type Progress,
} from './next.js'
import { passkeyAnswer } from './passkey.js'
import { unknownUserFactor } from './unknown-user.js'

/** Errors a challenge answer may get, besides those of starting a sign-in. */
export type AnswerErrors =
  | BeginErrors
  | 'CodeMismatchException'
  | 'ExpiredCodeException'
  | 'InvalidPasswordException'
  | 'PasswordHistoryPolicyViolationException'
  | 'AliasExistsException'
  | 'SoftwareTokenMFANotFoundException'
  | LambdaErrors

const HEX = '0123456789abcdef'
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
/** Seen from Cognito for a wrong MFA code. */
const WRONG_CODE = 'Invalid code or auth state for the user.'

/** The user a session belongs to, if it still exists. */
function sessionUser(cx: Can<never>, session: SessionRow): UserRow | undefined {
  return session.user === undefined ? undefined : cx.tables.users.get(`${session.poolId}/${session.user}`)
}

/** The progress a session carries on to the next step. */
function progressOf(session: SessionRow, more: Partial<Progress> = {}): Progress {
  return {
    authTime: session.authTime ?? 0,
    ...(session.deviceKey !== undefined && { deviceKey: session.deviceKey }),
    ...(session.deviceProved && { deviceProved: true }),
    ...(session.risk !== undefined && { risk: session.risk }),
    ...more,
  }
}

/** Uses a session up: gone whether the answer succeeds or fails (SRP values are good for one proof). */
function consume(cx: Can<never>, session: SessionRow): void {
  cx.tables.sessions.delete(session.id)
  cx.whenFailed(() => cx.tables.sessions.delete(session.id))
}

/**
 * Checks an SRP proof (PASSWORD_VERIFIER, DEVICE_PASSWORD_VERIFIER). Seen from Cognito: a TIMESTAMP not in its form
 * is InvalidParameterException "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english."; one that parses
 * but is not written as Cognito writes it (a zero-padded day, a wrong weekday) fails the proof, because the
 * signature covers the canonical text.
 */
function proofHolds(
  cx: Can<'InvalidParameterException'>,
  session: SessionRow,
  responses: Readonly<Record<string, string>>,
): boolean {
  const time = parseTimestamp(responses['TIMESTAMP'] ?? '')
  if (time === undefined) throw invalidParameter(cx, 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.')
  const srp = session.srp!
  const shared = serverSecret(fromHex(srp.A), fromHex(srp.v), fromHex(srp.b), fromHex(srp.B))
  if (!shared) return false
  const expected = claimSignature(
    derivedKey(shared.S, shared.u),
    srp.poolName,
    srp.userId,
    session.id,
    formatTimestamp(time),
  )
  return constantTimeEqual(expected, responses['PASSWORD_CLAIM_SIGNATURE'] ?? '')
}

async function passwordVerifier(
  cx: Can<AnswerErrors>,
  env: AuthEnv,
  responses: Readonly<Record<string, string>>,
): Promise<AuthAnswer> {
  const session = takeSession(cx, env.client, responses['PASSWORD_CLAIM_SECRET_BLOCK'], env.admin, 'PASSWORD_VERIFIER')
  consume(cx, session)
  const user = sessionUser(cx, session)
  if (user) checkHash(cx, env, responses['USERNAME'] ?? user.username, responses['SECRET_HASH'])
  if (!proofHolds(cx, session, responses) || !user) {
    if (user) recordWrongPassword(cx, attemptOf(env), user)
    throw wrongPassword(cx, user)
  }
  const current = gate(cx, env, user)
  const deviceKey = responses['DEVICE_KEY'] ?? session.deviceKey
  if (session.custom) {
    const steps = [...session.custom.steps, { challengeName: 'PASSWORD_VERIFIER', challengeResult: true }]
    return nextCustomStep(cx, env, current, current.username, steps, Math.floor(cx.now()), deviceKey)
  }
  return afterFirstFactor(cx, env, current, {
    authTime: Math.floor(cx.now()),
    ...(deviceKey !== undefined && { deviceKey }),
  })
}

async function newPassword(
  cx: Can<AnswerErrors>,
  env: AuthEnv,
  session: SessionRow,
  responses: Readonly<Record<string, string>>,
): Promise<AuthAnswer> {
  const user = sessionUser(cx, session)
  if (!user) throw fail(cx, 'NotAuthorizedException', 'Invalid session for the user.')
  const password = responses['NEW_PASSWORD']
  // Chosen wording; the model documents NEW_PASSWORD as required for this challenge.
  if (password === undefined) throw invalidParameter(cx, 'Missing required parameter NEW_PASSWORD')
  const given = Object.entries(responses)
    .filter(([k]) => k.startsWith('userAttributes.'))
    .map(([k, v]) => ({ Name: k.slice('userAttributes.'.length), Value: v }))
  checkWritable(
    cx,
    env.client.client.WriteAttributes,
    given.map((a) => a.Name),
  )
  const attributes = merged(user.attributes, checkAttributes(cx, env.pool, given, 'user', user.attributes))
  const missing = missingRequired(env.pool, { ...user, attributes }).map((a) => a.slice('userAttributes.'.length))
  // Seen from Cognito: "Invalid attributes given, <attr> is missing" (several joined with " and ", chosen).
  if (missing.length > 0) throw invalidParameter(cx, `Invalid attributes given, ${missing.join(' and ')} is missing`)
  checkPassword(cx, env.pool, password, PASSWORD_PREFIX.change)
  checkHistory(cx, env.pool, user, password)
  const next = claimAliases(
    cx,
    env.pool,
    changed(cx, env.pool, user, {
      status: 'CONFIRMED',
      passwordKey: passwordKey(user, password),
      history: nextHistory(env.pool, user),
      temporaryExpires: undefined,
      attributes,
    }),
    false,
  )
  cx.tables.users.put(next)
  cx.tables.sessions.delete(session.id)
  return afterFirstFactor(cx, env, next, progressOf(session, { tokenSource: 'TokenGeneration_NewPasswordChallenge' }))
}

async function codeAnswer(
  cx: Can<AnswerErrors>,
  env: AuthEnv,
  session: SessionRow,
  code: string | undefined,
): Promise<AuthAnswer> {
  const user = sessionUser(cx, session)
  // A simulated code challenge (a hiding client's answer for a user who does not exist): no code matches.
  if (session.simulated) throw fail(cx, 'CodeMismatchException', WRONG_CODE)
  if (!user) throw fail(cx, 'NotAuthorizedException', 'Invalid session for the user.')
  if (code === undefined || session.code === undefined || !constantTimeEqual(code, session.code)) {
    recordMfa(cx, user, session.risk?.eventId, false)
    throw fail(cx, 'CodeMismatchException', WRONG_CODE)
  }
  recordMfa(cx, user, session.risk?.eventId, true)
  cx.tables.sessions.delete(session.id)
  let current = user
  // AWS's documentation: a user who answers an SMS MFA code has its phone number marked verified.
  if (session.challenge === 'SMS_MFA' && attribute(user, 'phone_number_verified') !== 'true')
    current = cx.tables.users.put(
      changed(cx, env.pool, user, { attributes: merged(user.attributes, [['phone_number_verified', 'true']]) }),
    )
  if (session.enables === 'EMAIL_OTP') {
    current = cx.tables.users.put({
      ...current,
      mfa: { ...settingsOf(current), email: true, preferred: settingsOf(current).preferred ?? 'EMAIL_OTP' },
    })
  }
  return afterFirstFactor(cx, env, current, progressOf(session, { mfaDone: true }))
}

async function totpAnswer(
  cx: Can<AnswerErrors>,
  env: AuthEnv,
  session: SessionRow,
  code: string | undefined,
): Promise<AuthAnswer> {
  const user = sessionUser(cx, session)
  if (!user) throw fail(cx, 'NotAuthorizedException', 'Invalid session for the user.')
  const settings = settingsOf(user)
  // Seen from Cognito (Medium confidence): the message when the user has no software token.
  if (!settings.totpSecret)
    throw fail(cx, 'SoftwareTokenMFANotFoundException', 'Software Token MFA does not exist for the user.')
  const result = checkTotp(settings.totpSecret, code ?? '', cx.now(), settings.totpLastStep)
  if (!result.ok && result.reason === 'used')
    throw fail(cx, 'ExpiredCodeException', 'Your software token has already been used once.')
  if (!result.ok) {
    recordMfa(cx, user, session.risk?.eventId, false)
    throw fail(cx, 'CodeMismatchException', WRONG_CODE)
  }
  recordMfa(cx, user, session.risk?.eventId, true)
  const current = cx.tables.users.put({ ...user, mfa: { ...settings, totpLastStep: result.step } })
  cx.tables.sessions.delete(session.id)
  return afterFirstFactor(cx, env, current, progressOf(session, { mfaDone: true }))
}

async function mfaSetup(
  cx: Can<AnswerErrors>,
  env: AuthEnv,
  session: SessionRow,
  responses: Readonly<Record<string, string>>,
): Promise<AuthAnswer> {
  const user = sessionUser(cx, session)
  if (!user) throw fail(cx, 'NotAuthorizedException', 'Invalid session for the user.')
  cx.tables.sessions.delete(session.id)
  if (responses['EMAIL'] !== undefined && session.choices?.includes('EMAIL_OTP')) {
    const withEmail =
      responses['EMAIL'] === ''
        ? user
        : cx.tables.users.put(
            changed(cx, env.pool, user, { attributes: merged(user.attributes, [['email', responses['EMAIL']]]) }),
          )
    const answer = await codeChallenge(cx, env, withEmail, 'EMAIL_OTP', progressOf(session))
    const opened = cx.tables.sessions.get(answer.Session!)!
    cx.tables.sessions.put({ ...opened, enables: 'EMAIL_OTP' })
    return answer
  }
  if (!session.totp?.verified)
    throw fail(cx, 'SoftwareTokenMFANotFoundException', 'Software Token MFA does not exist for the user.')
  const settings = settingsOf(user)
  const current = cx.tables.users.put({
    ...user,
    mfa: {
      ...settings,
      totp: true,
      totpSecret: session.totp.secret,
      totpPending: undefined,
      preferred: settings.preferred ?? 'SOFTWARE_TOKEN_MFA',
    },
  })
  return afterFirstFactor(cx, env, current, progressOf(session, { mfaDone: true }))
}

function deviceSrp(
  cx: Can<AnswerErrors>,
  env: AuthEnv,
  session: SessionRow,
  responses: Readonly<Record<string, string>>,
): AuthAnswer {
  const user = sessionUser(cx, session)
  const key = responses['DEVICE_KEY'] ?? session.deviceKey
  const device = key === undefined ? undefined : cx.tables.devices.get(`${env.pool.pool.Id}/${key}`)
  const srpA = responses['SRP_A']
  // Chosen wording for a device the user does not have.
  if (!user || !device || device.user !== user.key || device.verifier === undefined || device.salt === undefined) {
    throw fail(cx, 'NotAuthorizedException', 'Device does not exist.')
  }
  if (srpA === undefined || !/^[0-9a-fA-F]+$/.test(srpA)) throw invalidParameter(cx, 'Missing required parameter SRP_A')
  cx.tables.sessions.delete(session.id)
  const b = fromHex(cx.secrets.chars(64, HEX))
  const v = fromHex(device.verifier)
  const B = serverPublic(v, b)
  const secretBlock = cx.secrets.chars(128, BASE64)
  const srp = {
    A: srpA,
    b: padHex(b),
    B: padHex(B),
    v: device.verifier,
    salt: device.salt,
    userId: device.key,
    poolName: device.group,
  }
  const answer = challenge(
    cx,
    env,
    user,
    'DEVICE_PASSWORD_VERIFIER',
    { SRP_B: B.toString(16), SALT: device.salt, SECRET_BLOCK: secretBlock, USERNAME: user.username },
    progressOf(session, { deviceKey: device.key }),
    { id: secretBlock, srp },
  )
  return answer
}

async function devicePasswordVerifier(
  cx: Can<AnswerErrors>,
  env: AuthEnv,
  session: SessionRow,
  responses: Readonly<Record<string, string>>,
): Promise<AuthAnswer> {
  consume(cx, session)
  const user = sessionUser(cx, session)
  if (!user || !proofHolds(cx, session, responses))
    throw fail(cx, 'NotAuthorizedException', 'Incorrect username or password.')
  const device = cx.tables.devices.get(`${env.pool.pool.Id}/${session.srp!.userId}`)!
  cx.tables.devices.put({ ...device, lastAuthenticated: cx.now() })
  return afterFirstFactor(
    cx,
    env,
    user,
    progressOf(session, {
      deviceKey: device.key,
      deviceProved: true,
      tokenSource: 'TokenGeneration_AuthenticateDevice',
    }),
  )
}

/** The ChallengeResponses member each code challenge is answered with (the model's documentation). */
const CODE_MEMBER: Partial<Record<ChallengeNameType, string>> = {
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
}

/**
 * Answers a challenge, as RespondToAuthChallenge and AdminRespondToAuthChallenge do: the next challenge or the
 * tokens. Sessions belong to the client and the kind of operation that began them and last AuthSessionValidity.
 */
export async function answerChallenge(
  cx: Can<AnswerErrors>,
  env: AuthEnv,
  name: ChallengeNameType,
  responses: Readonly<Record<string, string>>,
  sessionId: string | undefined,
): Promise<AuthAnswer> {
  if (name === 'PASSWORD_VERIFIER') return passwordVerifier(cx, env, responses)
  const session = takeSession(
    cx,
    env.client,
    name === 'DEVICE_PASSWORD_VERIFIER' ? (sessionId ?? responses['PASSWORD_CLAIM_SECRET_BLOCK']) : sessionId,
    env.admin,
    name,
  )
  const user = sessionUser(cx, session)
  if (user && name !== 'DEVICE_PASSWORD_VERIFIER')
    checkHash(cx, env, responses['USERNAME'] ?? user.username, responses['SECRET_HASH'])
  switch (name) {
    case 'NEW_PASSWORD_REQUIRED':
      return newPassword(cx, env, session, responses)
    case 'SMS_MFA':
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      return codeAnswer(cx, env, session, responses[CODE_MEMBER[name]!])
    case 'SOFTWARE_TOKEN_MFA':
      return totpAnswer(cx, env, session, responses['SOFTWARE_TOKEN_MFA_CODE'])
    case 'SELECT_MFA_TYPE': {
      // The model's documentation names email MFA "EMAIL_MFA" here; Amplify answers "EMAIL_OTP": both are taken.
      const given = responses['ANSWER']
      const choice = (given === 'EMAIL_MFA' ? 'EMAIL_OTP' : given) as MfaType | undefined
      // Chosen wording for a choice the challenge did not offer.
      if (!user || choice === undefined || !session.choices?.includes(choice))
        throw invalidParameter(cx, 'The MFA type chosen is not available for this user.')
      cx.tables.sessions.delete(session.id)
      return mfaChallenge(cx, env, user, choice, progressOf(session))
    }
    case 'MFA_SETUP':
      return mfaSetup(cx, env, session, responses)
    case 'DEVICE_SRP_AUTH':
      return deviceSrp(cx, env, session, responses)
    case 'DEVICE_PASSWORD_VERIFIER':
      return devicePasswordVerifier(cx, env, session, responses)
    case 'SELECT_CHALLENGE': {
      const choice = responses['ANSWER'] as ChallengeNameType | undefined
      if (session.simulated && choice !== undefined && session.choices?.includes(choice)) {
        cx.tables.sessions.delete(session.id)
        return unknownUserFactor(cx, env, session.name, choice, responses, session.deviceKey)
      }
      if (!user || choice === undefined || !session.choices?.includes(choice))
        throw invalidParameter(cx, 'The challenge chosen is not available for this user.')
      cx.tables.sessions.delete(session.id)
      return startFactor(cx, env, user, choice, responses, session.deviceKey)
    }
    case 'CUSTOM_CHALLENGE':
      return customAnswer(cx, env, session, user, responses['ANSWER'])
    case 'WEB_AUTHN':
      return passkeyAnswer(cx, env, session, user, responses['CREDENTIAL'], progressOf(session))
    default:
      // Chosen: challenges that are never answered with RespondToAuthChallenge here (the flow's own names).
      throw invalidParameter(cx, `${name} is not supported for this user pool.`)
  }
}
