import { table } from '../engine/table.js'

/** An authorization code: single use, valid five minutes (AWS's documentation), bound to client and redirect URI. */
export interface AuthCodeRow {
  readonly code: string
  readonly poolId: string
  readonly clientId: string
  readonly redirectUri: string
  readonly scopes: readonly string[]
  /** The user's key within the pool. */
  readonly user: string
  readonly authTime: number
  readonly nonce?: string | undefined
  readonly codeChallenge?: string | undefined
  readonly expires: number
  readonly used: boolean
}

/** Authorization codes, by code, belonging to their pool. */
export const authCodesTable = table<AuthCodeRow>({
  key: (row) => row.code,
  parent: { table: 'pools', key: (row) => row.poolId },
})

/** A hosted UI sign-in session (the browser's cookie), which later authorization requests reuse. */
export interface HostedSessionRow {
  readonly id: string
  readonly poolId: string
  readonly user: string
  readonly authTime: number
  readonly expires: number
}

/** Hosted UI sessions, by id, belonging to their pool and going with the user. */
export const hostedSessionsTable = table<HostedSessionRow>({
  key: (row) => row.id,
  parent: [
    { table: 'pools', key: (row) => row.poolId },
    { table: 'users', key: (row) => `${row.poolId}/${row.user}` },
  ],
})

/** A sign-in sent to an outside identity provider, waiting for its answer at /oauth2/idpresponse. */
export interface FederationRow {
  readonly state: string
  readonly poolId: string
  readonly provider: string
  /** The app's authorization request, as the query of /oauth2/authorize. */
  readonly authorize: string
  /** The redirect URI registered at the provider (the domain's /oauth2/idpresponse). */
  readonly callback: string
  readonly nonce: string
  readonly expires: number
  /** A social provider's stand-in answer: the code it sent back, and the claims of the account picked. */
  readonly standIn?: { readonly code: string; readonly claims: Readonly<Record<string, string>> } | undefined
}

/** Federated sign-ins in flight, by the state sent to the provider. */
export const federationsTable = table<FederationRow>({
  key: (row) => row.state,
  parent: { table: 'pools', key: (row) => row.poolId },
})
