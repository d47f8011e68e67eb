import {
  claimSignature,
  derivedKey,
  formatTimestamp,
  fromHex,
  G,
  K,
  modPow,
  N,
  privateKey,
  scrambler,
} from '../../src/core/shared/srp.js'

/** The client's half of a USER_SRP_AUTH sign-in, for tests that drive the SDK by hand (a fixed secret `a`). */
export interface SrpClient {
  /** SRP_A for InitiateAuth. */
  readonly A: string
  /** The PASSWORD_VERIFIER answer for a challenge's parameters. */
  answer(parameters: Record<string, string>, password: string, time: number, timestamp?: string): Record<string, string>
}

/** An SRP client for a pool (the id's part after `_` is the SRP pool name). */
export function srpClient(poolId: string): SrpClient {
  const a = fromHex('3f'.repeat(64))
  const A = modPow(G, a, N)
  const poolName = poolId.slice(poolId.indexOf('_') + 1)
  return {
    A: A.toString(16),
    answer(parameters, password, time, timestamp = formatTimestamp(time)) {
      const B = fromHex(parameters['SRP_B']!)
      const userId = parameters['USER_ID_FOR_SRP']!
      const u = scrambler(A, B)
      const x = privateKey(poolName, userId, password, parameters['SALT']!)
      const S = modPow((B - ((K * modPow(G, x, N)) % N) + N) % N, a + u * x, N)
      return {
        USERNAME: userId,
        PASSWORD_CLAIM_SECRET_BLOCK: parameters['SECRET_BLOCK']!,
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: claimSignature(
          derivedKey(S, u),
          poolName,
          userId,
          parameters['SECRET_BLOCK']!,
          timestamp,
        ),
      }
    },
  }
}
