import { base64url } from '../../../shared/jwt.js'
import type { Can } from '../../context.js'
import { fail } from '../../context.js'
import { invalidParameter } from '../../errors.js'
import { mfaStep } from '../../resources/mfa.js'
import { type SessionRow, sessionLifetime } from '../../resources/sessions.js'
import type { UserRow } from '../../resources/users.js'
import { originAllowed, passkeyMfaOn, passkeySettings, passkeysEnabled } from '../../resources/webauthn-config.js'
import { passkeysOf } from '../../resources/webauthn-credentials.js'
import { newChallenge } from '../../resources/webauthn-registrations.js'
import { type AuthenticationJSON, clientDataOf, verifyAssertion } from '../../resources/webauthn-verify.js'
import type { BeginErrors } from './begin.js'
import { type AuthAnswer, type AuthEnv, afterFirstFactor, challenge, type Progress } from './next.js'

/** How a user may sign in with a passkey: under which relying party, and whether the passkey must verify the user. */
interface PasskeyOffer {
  readonly rpId: string
  readonly requireUserVerification: boolean
}

/**
 * Whether USER_AUTH offers this user WEB_AUTHN: the pool has passkeys on and a relying party, and the user has a passkey
 * for it (seen: AvailableChallenges lists what the user "is eligible for"; managed login "validates that the user has
 * at least one passkey registered"). Seen (Developer Guide): "Passwordless authentication flows aren't compatible with
 * required multi-factor authentication (MFA) in your user pool. If MFA is optional in your user pool, users who have
 * activated MFA can't sign in with a passwordless first factor" — unless a passkey can be MFA: the pool's
 * MULTI_FACTOR_WITH_USER_VERIFICATION ("passkey authentication with user verification satisfies MFA requirements") or
 * the user's WebAuthnMfaSettings ("passkey sign-in is available when MFA is required"), and then the passkey must verify
 * the user (the model). Chosen without evidence: either one is enough.
 */
export function passkeyOffer(cx: Can<never>, env: AuthEnv, user: UserRow): PasskeyOffer | undefined {
  if (!passkeysEnabled(env.pool)) return undefined
  const settings = passkeySettings(cx, env.pool)
  const rpId = settings.rpId
  if (rpId === undefined || !passkeysOf(cx, user).some((c) => c.rpId === rpId)) return undefined
  const required = settings.userVerification === 'required'
  if (mfaStep(env.pool, user).kind === 'none') return { rpId, requireUserVerification: required }
  if (settings.satisfiesMfa || passkeyMfaOn(cx, user.poolId, user.key)) return { rpId, requireUserVerification: true }
  return undefined
}

/**
 * The WEB_AUTHN challenge: CREDENTIAL_REQUEST_OPTIONS, a JSON text shaped as Cognito's (seen, Amplify's fixture
 * `passkeyCredentialRequestOptions`: hints, attestation "none", attestationFormats, challenge, timeout, rpId,
 * allowCredentials of the user's passkeys, userVerification). Its timeout is 180000 there; chosen: the client's
 * AuthSessionValidity (3 minutes by default), which the challenge lasts as the session does.
 */
export function passkeyChallenge(
  cx: Can<BeginErrors>,
  env: AuthEnv,
  user: UserRow,
  deviceKey: string | undefined,
): AuthAnswer {
  const offer = passkeyOffer(cx, env, user)
  if (!offer) throw invalidParameter(cx, 'WEB_AUTHN is not available for this user.')
  const code = newChallenge(cx)
  const options = {
    hints: [],
    attestation: 'none',
    attestationFormats: [],
    challenge: code,
    timeout: sessionLifetime(env.client) * 1000,
    rpId: offer.rpId,
    allowCredentials: passkeysOf(cx, user)
      .filter((c) => c.rpId === offer.rpId)
      .map((c) => ({ id: c.id, type: 'public-key' })),
    userVerification: offer.requireUserVerification ? 'required' : 'preferred',
  }
  const progress: Progress = { authTime: Math.floor(cx.now()), ...(deviceKey !== undefined && { deviceKey }) }
  return challenge(cx, env, user, 'WEB_AUTHN', { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) }, progress, {
    code,
  })
}

/** Chosen without evidence: what a passkey that does not sign the user in is answered with. */
const REFUSED = 'Incorrect passkey credential.'

/**
 * Answers WEB_AUTHN with the browser's AuthenticationResponseJSON (CREDENTIAL, seen in the model and Amplify): checked
 * as a relying party checks it — the session's challenge, an origin the relying party id covers, the rp id hash, the
 * user's flags, the signature against the stored public key, a growing counter — then the sign-in goes on as after any
 * first factor, MFA done (a passwordless first factor asks none, or the passkey was MFA). The session is used up
 * whether the answer succeeds or not (chosen, as SRP's). Chosen without evidence: a malformed CREDENTIAL is
 * InvalidParameterException, any other refusal NotAuthorizedException (RespondToAuthChallenge models no WebAuthn
 * exception), and their messages.
 */
export async function passkeyAnswer(
  cx: Can<BeginErrors>,
  env: AuthEnv,
  session: SessionRow,
  user: UserRow | undefined,
  text: string | undefined,
  progress: Progress,
): Promise<AuthAnswer> {
  cx.tables.sessions.delete(session.id)
  cx.whenFailed(() => cx.tables.sessions.delete(session.id))
  if (!user) throw fail(cx, 'NotAuthorizedException', 'Invalid session for the user.')
  // Seen for other members (SRP_A, PASSWORD): "Missing required parameter <name>".
  if (text === undefined) throw invalidParameter(cx, 'Missing required parameter CREDENTIAL')
  let credential: unknown
  try {
    credential = JSON.parse(text)
  } catch {
    credential = undefined
  }
  const client = clientDataOf(credential, 'get')
  if (client?.type !== 'webauthn.get')
    throw invalidParameter(cx, 'CREDENTIAL is not a valid AuthenticationResponseJSON.')
  const response = credential as AuthenticationJSON
  const stored = cx.tables.webauthnCredentials.get(`${user.poolId}/${response.id}`)
  const offer = passkeyOffer(cx, env, user)
  if (!stored || stored.user !== user.key || !offer || stored.rpId !== offer.rpId)
    throw fail(cx, 'NotAuthorizedException', REFUSED)
  if (client.challenge !== session.code || !originAllowed(client.origin, stored.rpId))
    throw fail(cx, 'NotAuthorizedException', REFUSED)
  const handle = response.response.userHandle
  if (handle !== undefined && handle !== base64url(user.sub)) throw fail(cx, 'NotAuthorizedException', REFUSED)
  const verified = await verifyAssertion(response, stored, {
    challenge: session.code,
    origin: client.origin,
    rpId: stored.rpId,
    requireUserVerification: offer.requireUserVerification,
  })
  if ('refused' in verified) throw fail(cx, 'NotAuthorizedException', REFUSED)
  cx.tables.webauthnCredentials.put({ ...stored, counter: verified.counter })
  return afterFirstFactor(cx, env, user, { ...progress, mfaDone: true })
}
