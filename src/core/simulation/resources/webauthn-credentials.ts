import type { WebAuthnCredentialDescription } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { page } from '../paging.js'
import type { UserRow } from './users.js'

/** A passkey a user registered: what a relying party keeps to verify its assertions. */
export interface WebAuthnCredentialRow {
  readonly poolId: string
  /** The user's key. */
  readonly user: string
  /** The credential id, base64url. */
  readonly id: string
  /** The credential's public key, a COSE key, base64url. */
  readonly publicKey: string
  /** The signature counter the authenticator last reported. */
  readonly counter: number
  readonly transports: readonly string[]
  readonly attachment?: string | undefined
  /** The relying party id the passkey was registered for. */
  readonly rpId: string
  readonly name: string
  /** Epoch seconds, with milliseconds. */
  readonly created: number
}

/** Passkeys, by `<poolId>/<credential id>`, belonging to their user. */
export const webauthnCredentialsTable = table<WebAuthnCredentialRow>({
  key: (row) => `${row.poolId}/${row.id}`,
  parent: { table: 'users', key: (row) => `${row.poolId}/${row.user}` },
})

/**
 * How many passkeys a user may have. Seen (Developer Guide, "Passwordless sign-in with WebAuthn passkeys"): "Each user
 * can register up to 20 passkeys."
 */
export const PASSKEYS_PER_USER = 20

/** A user's passkeys, in the order they were registered. */
export function passkeysOf(cx: Can<never>, user: UserRow): WebAuthnCredentialRow[] {
  return cx.tables.webauthnCredentials.children(`${user.poolId}/${user.key}`)
}

/** The user's passkey with this id, or ResourceNotFoundException (the model lists it; message chosen). */
export function findPasskey(cx: Can<'ResourceNotFoundException'>, user: UserRow, id: string): WebAuthnCredentialRow {
  const row = cx.tables.webauthnCredentials.get(`${user.poolId}/${id}`)
  if (!row || row.user !== user.key) throw fail(cx, 'ResourceNotFoundException', 'Credential does not exist.')
  return row
}

/**
 * The name Cognito gives a new passkey. Seen (the CLI's list-web-authn-credentials example): "Roaming passkey" for a
 * cross-platform authenticator; the model says the name is "automatically-generated". Chosen without evidence:
 * "Platform passkey" for a platform authenticator, "Passkey" when the browser names no attachment.
 */
export function friendlyName(attachment: string | undefined): string {
  if (attachment === 'cross-platform') return 'Roaming passkey'
  if (attachment === 'platform') return 'Platform passkey'
  return 'Passkey'
}

/**
 * A passkey as ListWebAuthnCredentials shows it (seen in the CLI's example: CreatedAt in epoch seconds with
 * milliseconds, AuthenticatorAttachment when known). The example leaves AuthenticatorTransports out; the model
 * requires it, so it is always there (chosen), empty when the browser reported none.
 */
export function describePasskey(row: WebAuthnCredentialRow): WebAuthnCredentialDescription {
  return {
    CredentialId: row.id,
    FriendlyCredentialName: row.name,
    RelyingPartyId: row.rpId,
    ...(row.attachment !== undefined && { AuthenticatorAttachment: row.attachment }),
    AuthenticatorTransports: [...row.transports],
    CreatedAt: row.created,
  }
}

/**
 * One page of a user's passkeys. MaxResults is 0 to 20 (the model); chosen without evidence: 0 or none means 20, as a
 * user has at most 20.
 */
export function listPasskeys(
  cx: Can<'InvalidParameterException'>,
  user: UserRow,
  max: number | undefined,
  token: string | undefined,
): { Credentials: WebAuthnCredentialDescription[]; NextToken?: string } {
  const table = cx.tables.webauthnCredentials
  const { items, next } = page(cx, table, (r) => `${r.poolId}/${r.id}`, passkeysOf(cx, user), max || 20, token)
  return { Credentials: items.map(describePasskey), ...(next !== undefined && { NextToken: next }) }
}
