import { base64url } from '../../shared/jwt.js'
import type { Can } from '../context.js'
import { table } from '../engine/table.js'
import type { UserRow } from './users.js'

/** A passkey registration StartWebAuthnRegistration began and CompleteWebAuthnRegistration has not finished. */
export interface WebAuthnRegistrationRow {
  readonly poolId: string
  /** The user's key. */
  readonly user: string
  /** The challenge the creation options carried, base64url. */
  readonly challenge: string
  /** The app client whose access token began it. */
  readonly clientId: string
  /** The relying party id the creation options named. */
  readonly rpId: string
  /** Epoch seconds. */
  readonly expires: number
}

/** Registrations under way, by `<poolId>/<challenge>`, belonging to their user. */
export const webauthnRegistrationsTable = table<WebAuthnRegistrationRow>({
  key: (row) => `${row.poolId}/${row.challenge}`,
  parent: { table: 'users', key: (row) => `${row.poolId}/${row.user}` },
})

/**
 * How long a registration's challenge may be answered. The creation options' timeout is 60 s (seen, the CLI's
 * start-web-authn-registration example); chosen without evidence: the server keeps the challenge for five minutes
 * (a browser may let its ceremony run past the hint), after which Complete answers WebAuthnChallengeNotFoundException.
 */
export const REGISTRATION_LIFETIME = 300

/**
 * A new challenge: 16 random bytes as unpadded base64url, as Cognito's are (seen: the 22-character
 * "9DAxgg4vPiaxvAxc-JbMuw" in Amplify's fixture; Amplify decodes it as base64url).
 */
export function newChallenge(cx: Can<never>): string {
  return base64url(cx.secrets.bytes(16))
}

/** Begins a registration for the user through a client: a fresh challenge; the user's expired ones are dropped. */
export function beginRegistration(cx: Can<never>, user: UserRow, clientId: string, rpId: string): string {
  const now = cx.now()
  for (const stale of cx.tables.webauthnRegistrations.children(`${user.poolId}/${user.key}`))
    if (stale.expires < now) cx.tables.webauthnRegistrations.delete(`${stale.poolId}/${stale.challenge}`)
  const challenge = newChallenge(cx)
  cx.tables.webauthnRegistrations.insert({
    poolId: user.poolId,
    user: user.key,
    challenge,
    clientId,
    rpId,
    expires: now + REGISTRATION_LIFETIME,
  })
  return challenge
}

/**
 * Takes the user's registration for a challenge, once: it is gone after this call whether the registration then
 * succeeds or fails. Undefined when there is none (never issued, another user's, used, or expired).
 */
export function takeRegistration(
  cx: Can<never>,
  user: UserRow,
  challenge: string,
): WebAuthnRegistrationRow | undefined {
  const key = `${user.poolId}/${challenge}`
  const row = cx.tables.webauthnRegistrations.get(key)
  if (!row || row.user !== user.key) return undefined
  cx.tables.webauthnRegistrations.delete(key)
  cx.whenFailed(() => cx.tables.webauthnRegistrations.delete(key))
  return row.expires < cx.now() ? undefined : row
}
