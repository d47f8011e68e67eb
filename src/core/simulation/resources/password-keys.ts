import { constantTimeEqual } from '../../shared/crypto.js'
import { hashText, privateKeyHex } from '../../shared/srp.js'

/** What the key of a password is made from: the user's pool, name and sub (its salt), never stored with the key. */
export interface PasswordOwner {
  readonly poolId: string
  readonly username: string
  readonly sub: string
}

/** Salts already derived, by sub (a salt is no secret; the last 1,024 are kept). */
const salts = new Map<string, string>()

/** A user's SRP salt: fixed for the user, derived from its sub (chosen: Cognito's salts are opaque hex). */
export function saltOf(user: Pick<PasswordOwner, 'sub'>): string {
  let salt = salts.get(user.sub)
  if (salt === undefined) {
    salt = hashText(`salt:${user.sub}`).slice(0, 32)
    if (salts.size >= 1_024) salts.delete(salts.keys().next().value!)
    salts.set(user.sub, salt)
  }
  return salt
}

/** The pool's name in SRP's formulas: its id after the `_`. */
export function srpPoolName(poolId: string): string {
  return poolId.slice(poolId.indexOf('_') + 1)
}

/**
 * What the simulation keeps of a password, as hex: SRP's private key x = SHA-256(salt ‖ SHA-256(poolName ‖ username
 * ‖ ":" ‖ password)) (RFC 5054; the salt is the user's own). Password flows compare it, SRP derives its verifier from
 * it when a sign-in first needs one. Chosen over a verifier made at every password set: that exponentiation costs
 * ~3.6 ms, which would make AdminCreateUser and SignUp several times slower; over a slow KDF, for the same reason at
 * sign-in. The password itself is never stored, logged or snapshotted.
 */
export function passwordKey(owner: PasswordOwner, password: string): string {
  return privateKeyHex(srpPoolName(owner.poolId), owner.username, password, saltOf(owner))
}

/** Whether a password is the one whose key is kept (compared in constant time). */
export function keyMatches(owner: PasswordOwner, key: string | undefined, password: string): boolean {
  return key !== undefined && constantTimeEqual(passwordKey(owner, password), key)
}
