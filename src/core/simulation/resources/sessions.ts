import type { ChallengeNameType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import type { ClientRow } from './clients.js'

/** What a sign-in has proved so far and what it waits for, between its calls. */
export interface SessionRow {
  /** The `Session` string (or the SECRET_BLOCK of a password verifier challenge). */
  readonly id: string
  readonly poolId: string
  readonly clientId: string
  /** The user's key; undefined for a user who does not exist, whom a hiding client still answers. */
  readonly user?: string | undefined
  /** The username the sign-in began with (for a user who does not exist). */
  readonly name: string
  /** Whether AdminInitiateAuth began it: only AdminRespondToAuthChallenge may continue it, and the reverse. */
  readonly admin: boolean
  /** The challenge it waits for. */
  readonly challenge: ChallengeNameType
  readonly expires: number
  /** When the password (or a first factor) was proved, epoch seconds: the tokens' auth_time. */
  readonly authTime?: number | undefined
  /** SRP state of a PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER challenge, hex. */
  readonly srp?:
    | {
        readonly A: string
        readonly b: string
        readonly B: string
        readonly v: string
        readonly salt: string
        readonly userId: string
        readonly poolName: string
      }
    | undefined
  /** A one-time code sent for this challenge. */
  readonly code?: string | undefined
  /** The device the client named. */
  readonly deviceKey?: string | undefined
  /** The device a remembered-device check proved. */
  readonly deviceProved?: boolean | undefined
  /** A session a hiding client opened for a user who does not exist: every answer to it fails as a wrong one. */
  readonly simulated?: boolean | undefined
  /** Threat protection's verdict on the sign-in: its event, and MFA it asks for. */
  readonly risk?:
    | { readonly eventId?: string | undefined; readonly mfa?: 'IF_CONFIGURED' | 'REQUIRED' | undefined }
    | undefined
  /** The MFA types a SELECT_MFA_TYPE or MFA_SETUP challenge offers, or the first factors of SELECT_CHALLENGE. */
  readonly choices?: readonly string[] | undefined
  /** The MFA method a MFA_SETUP turns on once its code comes back. */
  readonly enables?: 'EMAIL_OTP' | 'SOFTWARE_TOKEN_MFA' | undefined
  /** A custom sign-in's steps so far, and the current challenge's private parameters and metadata (CUSTOM_AUTH). */
  readonly custom?:
    | {
        readonly steps: ReadonlyArray<{
          readonly challengeName: string
          readonly challengeResult: boolean
          readonly challengeMetadata?: string | undefined
        }>
        readonly privateParameters?: Readonly<Record<string, string>> | undefined
        readonly metadata?: string | undefined
      }
    | undefined
  /** A software token secret associated during MFA_SETUP, and whether VerifySoftwareToken confirmed it. */
  readonly totp?: { readonly secret: string; readonly verified: boolean } | undefined
}

/** Sign-in sessions, by their id, belonging to their pool. */
export const sessionsTable = table<SessionRow>({
  key: (row) => row.id,
  parent: { table: 'pools', key: (row) => row.poolId },
})

const SESSION_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** A Session string shaped like Cognito's (an opaque `AYAB…` envelope, seen in captures). */
export function newSessionId(cx: Can<never>): string {
  return `AYAB${cx.secrets.chars(480, SESSION_CHARS)}`
}

/** How long a sign-in session lasts: the client's AuthSessionValidity in minutes (3 by default, as AWS documents). */
export function sessionLifetime(client: ClientRow): number {
  return (client.client.AuthSessionValidity ?? 3) * 60
}

/** Starts (or continues into) a session waiting for a challenge; old expired sessions of the pool are dropped. */
export function openSession(
  cx: Can<never>,
  client: ClientRow,
  fields: Omit<SessionRow, 'id' | 'poolId' | 'clientId' | 'expires'> & { readonly id?: string | undefined },
): SessionRow {
  const now = cx.now()
  for (const stale of cx.tables.sessions.children(client.client.UserPoolId)) {
    if (stale.expires < now - 3_600) cx.tables.sessions.delete(stale.id)
  }
  return cx.tables.sessions.insert({
    ...fields,
    id: fields.id ?? newSessionId(cx),
    poolId: client.client.UserPoolId,
    clientId: client.client.ClientId,
    expires: now + sessionLifetime(client),
  })
}

/**
 * The session a challenge answer names. Seen from Cognito: NotAuthorizedException "Invalid session for the user."
 * for one it does not know (or that another client or flow began), "Invalid session for the user, session is
 * expired." past the client's AuthSessionValidity.
 */
export function takeSession(
  cx: Can<'NotAuthorizedException'>,
  client: ClientRow,
  id: string | undefined,
  admin: boolean,
  challenge: ChallengeNameType,
): SessionRow {
  const row = id === undefined ? undefined : cx.tables.sessions.get(id)
  if (!row || row.clientId !== client.client.ClientId || row.admin !== admin || row.challenge !== challenge) {
    throw fail(cx, 'NotAuthorizedException', 'Invalid session for the user.')
  }
  if (cx.now() > row.expires)
    throw fail(cx, 'NotAuthorizedException', 'Invalid session for the user, session is expired.')
  return row
}
