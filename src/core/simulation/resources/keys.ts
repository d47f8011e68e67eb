import type { Can } from '../context.js'
import { table } from '../engine/table.js'
import { freshKey } from './keyring.js'
import { PUBLISHED_KIDS, publishedKey } from './published-ring.js'

/** Which tokens a key signs: ID and access tokens are signed with different keys (seen: two kids in every JWKS). */
export type KeyUse = 'id' | 'access'

/** A pool's RSA signing key, kept as JSON Web Keys so snapshots keep tokens verifiable. */
export interface KeyRow {
  readonly poolId: string
  readonly use: KeyUse
  readonly kid: string
  readonly privateJwk: JsonWebKey
  readonly publicJwk: JsonWebKey
}

/** Signing keys, by `<poolId>/<use>`, belonging to their pool and found by kid. */
export const keysTable = table<KeyRow>({
  key: (row) => `${row.poolId}/${row.use}`,
  parent: { table: 'pools', key: (row) => row.poolId },
  indexes: { kid: (row) => `${row.poolId}/${row.kid}` },
})

/** The kids of every key the simulation holds, in every account and region. */
function kidsInUse(cx: Can<never>): Set<string> {
  return new Set(cx.store.occupied().flatMap((p) => p.tables.keys.all().map((k) => k.kid)))
}

/**
 * The pool's key for a use (2048-bit RSA, WebCrypto), taken the first time it is needed: with reproducible secrets one
 * of the published keys (the same on every machine), else one made from a CSPRNG. A published key kept from a run with
 * reproducible secrets (a `--data` directory, a restored snapshot) is replaced once secrets are random, since anyone
 * can sign with it; tokens it signed stop verifying then.
 */
export async function signingKey(cx: Can<never>, poolId: string, use: KeyUse): Promise<KeyRow> {
  const existing = cx.tables.keys.get(`${poolId}/${use}`)
  if (existing && (cx.store.reproducibleSecrets || !PUBLISHED_KIDS.has(existing.kid))) return existing
  const inUse = kidsInUse(cx)
  const published = cx.store.reproducibleSecrets ? await publishedKey(inUse) : undefined
  const { privateJwk, publicJwk, kid } = published ?? (await freshKey(inUse))
  const row = { poolId, use, kid, privateJwk, publicJwk }
  return existing ? cx.tables.keys.put(row) : cx.tables.keys.insert(row)
}

/** A public key as a pool's JWKS lists it (a type alias, so JWKS consumers' JSON object types accept it). */
export type PublicJwk = {
  readonly alg: 'RS256'
  readonly e: string
  readonly kid: string
  readonly kty: 'RSA'
  readonly n: string
  readonly use: 'sig'
}

/** A pool's JSON Web Key Set: what `/<poolId>/.well-known/jwks.json` answers. */
export type JsonWebKeySet = {
  readonly keys: PublicJwk[]
}

/** A JWK as a JWKS lists it: `{kid, alg, kty, e, n, use}`, as AWS documents the document. */
export function publicKeyEntry(row: KeyRow): PublicJwk {
  return { alg: 'RS256', e: row.publicJwk.e!, kid: row.kid, kty: 'RSA', n: row.publicJwk.n!, use: 'sig' }
}

/** The pool's JWKS (its keys made now if it had none). */
export async function jwksOf(cx: Can<never>, poolId: string): Promise<JsonWebKeySet> {
  const rows = [await signingKey(cx, poolId, 'id'), await signingKey(cx, poolId, 'access')]
  return { keys: rows.map(publicKeyEntry) }
}
