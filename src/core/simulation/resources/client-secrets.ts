import type { ClientSecretDescriptorType } from '../../../../generated/types.js'
import { constantTimeEqual } from '../../shared/crypto.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter } from '../errors.js'
import type { ClientRow } from './clients.js'

/**
 * One active secret of an app client. A client's rows are written when its secrets first change (AddUserPoolClientSecret);
 * until then its one secret is the `ClientSecret` it was created with. Kept as the secret itself, as the client's
 * `ClientSecret` is: SECRET_HASH is an HMAC keyed by the secret, so checking one needs it.
 */
export interface ClientSecretRow {
  /** `<client-id>--<epoch-create-time>` (the model's format). */
  readonly id: string
  readonly clientId: string
  readonly secret: string
  /** Epoch seconds with milliseconds. */
  readonly created: number
}

/** Client secrets, by id, belonging to their app client (deleting the client deletes them). */
export const clientSecretsTable = table<ClientSecretRow>({
  key: (row) => row.id,
  parent: { table: 'clients', key: (row) => row.clientId },
})

// Seen from Cognito: "Supports up to 2 active secrets per app client" (the model's AddUserPoolClientSecret).
const MOST_ACTIVE = 2

/**
 * A secret's id: `<client-id>--<epoch-create-time>` (the model). Chosen without evidence: the time in epoch
 * milliseconds (the format does not say seconds or milliseconds), one later when that id is taken (two secrets made
 * in the same millisecond, as under a fixed test clock).
 */
function secretId(cx: Can<never>, clientId: string, created: number): string {
  let ms = Math.round(created * 1000)
  while (cx.tables.clientSecrets.has(`${clientId}--${ms}`)) ms += 1
  return `${clientId}--${ms}`
}

/** The secret a client was created with, as a row, while no rotation has written its rows. */
function original(client: ClientRow, secret: string): ClientSecretRow {
  const id = client.client.ClientId
  return { id: `${id}--${Math.round(client.created * 1000)}`, clientId: id, secret, created: client.created }
}

/** A client's active secrets, oldest first; none for a public client (created without a secret). */
export function activeSecrets(cx: Can<never>, client: ClientRow): readonly ClientSecretRow[] {
  const rows = cx.tables.clientSecrets.children(client.client.ClientId)
  if (rows.length > 0) return rows
  const secret = client.client.ClientSecret
  return secret === undefined ? [] : [original(client, secret)]
}

/**
 * Whether a secret is one of the client's active ones. Chosen without evidence (the model speaks of "zero-downtime
 * credential rotation"): either active secret is accepted, by SECRET_HASH, the token endpoint and GetClientToken.
 */
export function secretMatches(cx: Can<never>, client: ClientRow, given: string | undefined): boolean {
  if (given === undefined) return false
  let found = false
  for (const row of activeSecrets(cx, client)) if (constantTimeEqual(row.secret, given)) found = true
  return found
}

/** A secret as AddUserPoolClientSecret and ListUserPoolClientSecrets describe it (without its value). */
export function describeSecret(row: ClientSecretRow): ClientSecretDescriptorType {
  return { ClientSecretId: row.id, ClientSecretCreateDate: row.created }
}

/**
 * Keeps the client's `ClientSecret` (what DescribeUserPoolClient returns) the oldest active secret. Chosen without
 * evidence (what Describe shows after a rotation is not documented): the oldest, so Describe changes only when the
 * secret it showed is deleted.
 */
function showOldest(cx: Can<never>, client: ClientRow, rows: readonly ClientSecretRow[]): void {
  const oldest = rows[0]
  if (oldest !== undefined && oldest.secret !== client.client.ClientSecret)
    cx.tables.clients.put({ ...client, client: { ...client.client, ClientSecret: oldest.secret } })
}

/**
 * A new active secret: the caller's, or 52 lower-case letters and digits drawn like CreateUserPoolClient's. Refused:
 * a public client; a third secret; a caller's secret the client already has.
 */
export function addSecret(
  cx: Can<'InvalidParameterException' | 'LimitExceededException'>,
  client: ClientRow,
  given: string | undefined,
  alphabet: string,
): ClientSecretRow {
  const id = client.client.ClientId
  const rows = activeSecrets(cx, client)
  // Chosen without evidence: the model says secrets are added to "an existing confidential user pool app client";
  // a public client (created without a secret) is refused rather than made confidential.
  if (rows.length === 0) throw invalidParameter(cx, `User pool client ${id} does not have a client secret.`)
  // Seen from Cognito: a client with two active secrets refuses another (a 2026 test against AWS, found by text
  // search "Cognito M2M client-secret creation"; no message quoted). Chosen without evidence: the type
  // (LimitExceededException, modelled) and the message.
  if (rows.length >= MOST_ACTIVE)
    throw fail(cx, 'LimitExceededException', `User pool client ${id} already has ${MOST_ACTIVE} active client secrets.`)
  // Chosen without evidence: a caller's secret equal to an active one would make the two indistinguishable.
  if (given !== undefined && secretMatches(cx, client, given))
    throw invalidParameter(cx, `The client secret is already active for user pool client ${id}.`)
  // The first rotation writes the original secret down, so both are rows from then on.
  if (!cx.tables.clientSecrets.has(rows[0]!.id)) cx.tables.clientSecrets.insert(rows[0]!)
  const created = cx.now()
  const secret = given ?? cx.secrets.chars(52, alphabet)
  return cx.tables.clientSecrets.insert({ id: secretId(cx, id, created), clientId: id, secret, created })
}

/** Deletes an active secret; the last one stays (a client does not turn public). */
export function deleteSecret(
  cx: Can<'InvalidParameterException' | 'ResourceNotFoundException'>,
  client: ClientRow,
  secretIdGiven: string,
): void {
  const rows = activeSecrets(cx, client)
  const row = rows.find((r) => r.id === secretIdGiven)
  // Chosen without evidence: an id the client has no secret under is ResourceNotFoundException (modelled).
  if (!row) throw fail(cx, 'ResourceNotFoundException', `Client secret ${secretIdGiven} does not exist.`)
  // Seen from Cognito: "You cannot delete the last remaining secret for an app client." (the model's
  // DeleteUserPoolClientSecret). Chosen without evidence: the type (InvalidParameterException) and the message.
  if (rows.length === 1)
    throw invalidParameter(cx, `Cannot delete the last client secret of user pool client ${client.client.ClientId}.`)
  cx.tables.clientSecrets.delete(row.id)
  showOldest(
    cx,
    client,
    rows.filter((r) => r.id !== row.id),
  )
}
