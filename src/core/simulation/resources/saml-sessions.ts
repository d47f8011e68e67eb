import { table } from '../engine/table.js'

/** A sign-out sent to the IdP's SingleLogoutService, waiting for its LogoutResponse at /saml2/logout. */
export interface SamlLogoutRow {
  /** The LogoutRequest's ID, which the LogoutResponse's `InResponseTo` must repeat. */
  readonly request: string
  /** The RelayState sent with it (opaque, Cognito's own), by which the answer finds this row. */
  readonly relayState: string
  /** Where the browser goes once the IdP has answered: the `logout_uri`, or the login page. */
  readonly target: string
  readonly expires: number
}

/**
 * A hosted UI session opened by a SAML assertion: what a LogoutRequest names (the provider, the NameID and its
 * format, the assertion's SessionIndex), kept until the user signs out.
 */
export interface SamlSessionRow {
  readonly poolId: string
  /** The hosted UI session's id (its cookie). */
  readonly session: string
  /** The user's key within the pool. */
  readonly user: string
  readonly provider: string
  readonly nameId: string
  readonly nameIdFormat?: string | undefined
  readonly sessionIndex?: string | undefined
  /** Set once /logout has sent the browser to the IdP. */
  readonly logout?: SamlLogoutRow | undefined
}

/** SAML sessions, by `<poolId>/<session>`, belonging to their pool and user, found by a pending logout's RelayState. */
export const samlSessionsTable = table<SamlSessionRow>({
  key: (row) => `${row.poolId}/${row.session}`,
  parent: [
    { table: 'pools', key: (row) => row.poolId },
    { table: 'users', key: (row) => `${row.poolId}/${row.user}` },
  ],
  indexes: { relayState: (row) => (row.logout ? `${row.poolId}/${row.logout.relayState}` : undefined) },
})
