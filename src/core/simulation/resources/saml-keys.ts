import type { Can } from '../context.js'
import { table } from '../engine/table.js'
import { selfSignedCertificate, unpem } from './saml-x509.js'

/** What a pool's SAML key is for: signing AuthnRequests and logout requests, or decrypting assertions. */
export type SamlKeyUse = 'signing' | 'encryption'

/** A pool's SAML certificate and private key (PEM), kept as the JWT keys are, so snapshots keep them. */
export interface SamlKeyRow {
  readonly poolId: string
  readonly use: SamlKeyUse
  readonly cert: string
  readonly key: string
}

/** SAML keys, by `<poolId>/<use>`, belonging to their pool. */
export const samlKeysTable = table<SamlKeyRow>({
  key: (row) => `${row.poolId}/${row.use}`,
  parent: { table: 'pools', key: (row) => row.poolId },
})

/**
 * The pool's SAML key for a use, made the first time it is needed: a self-signed RSA 2048 certificate valid ten
 * years (AWS's documentation of GetSigningCertificate: "valid for 10 years from the date of issue"). Chosen: the
 * subject names the pool's SP entity id (the real subject is not captured).
 */
export async function samlKey(cx: Can<never>, poolId: string, use: SamlKeyUse): Promise<SamlKeyRow> {
  const existing = cx.tables.samlKeys.get(`${poolId}/${use}`)
  if (existing) return existing
  const made = await selfSignedCertificate({
    commonName: `urn:amazon:cognito:sp:${poolId}`,
    days: 3650,
    notBefore: Math.floor(cx.now()),
  })
  // Made outside the transaction's order: another call may have made it meanwhile.
  return cx.tables.samlKeys.get(`${poolId}/${use}`) ?? cx.tables.samlKeys.insert({ poolId, use, ...made })
}

/** A certificate's DER as base64, without PEM armour (the form SAML metadata and GetSigningCertificate use). */
export function bareCertificate(pem: string): string {
  let binary = ''
  for (const b of unpem(pem)) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** Assertion ids already consumed at /saml2/idpresponse, kept until they expire (no replays: AWS's documentation). */
export interface SamlAssertionRow {
  readonly poolId: string
  readonly id: string
  readonly expires: number
}

/** Consumed assertion ids, by `<poolId>/<id>`, belonging to their pool. */
export const samlAssertionsTable = table<SamlAssertionRow>({
  key: (row) => `${row.poolId}/${row.id}`,
  parent: { table: 'pools', key: (row) => row.poolId },
})
