/** Where a simulation's secrets come from: the same draws as the id generator's, by default from a CSPRNG. */
export interface SecretSource {
  /** `length` characters, each uniform over `alphabet`. */
  chars(length: number, alphabet?: string): string
  /** `length` bytes. */
  bytes(length: number): Uint8Array
  /** A version 4 UUID. */
  uuid(): string
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
/** Bytes drawn from the platform's CSPRNG at a time (WebCrypto allows 64 KiB a call). */
const BATCH = 8_192
/** Characters made into a string at a time (an argument list of this length is safe everywhere). */
const CHUNK = 4_096

/**
 * Secrets (passwords, codes, tokens, client and TOTP secrets, sessions, cookies) from WebCrypto's CSPRNG, in Node and
 * in browsers alike: two simulations given the same calls give different secrets, whatever their seed.
 */
export class RandomSecrets implements SecretSource {
  private readonly pool = new Uint8Array(BATCH)
  private at = BATCH

  private byte(): number {
    if (this.at === BATCH) {
      globalThis.crypto.getRandomValues(this.pool)
      this.at = 0
    }
    return this.pool[this.at++]!
  }

  chars(length: number, alphabet = ALNUM): string {
    const n = alphabet.length
    if (n > 256) throw new RangeError('cognito-idp-contract: an alphabet of secrets has at most 256 characters')
    // Rejection sampling: bytes past the last whole multiple of n are drawn again, so each character is uniform.
    const limit = 256 - (256 % n)
    const codes = new Array<number>(length)
    for (let i = 0; i < length; i++) {
      let b = this.byte()
      while (b >= limit) b = this.byte()
      codes[i] = alphabet.charCodeAt(b % n)
    }
    let out = ''
    for (let i = 0; i < length; i += CHUNK) out += String.fromCharCode(...codes.slice(i, i + CHUNK))
    return out
  }

  bytes(length: number): Uint8Array {
    return globalThis.crypto.getRandomValues(new Uint8Array(length))
  }

  uuid(): string {
    return globalThis.crypto.randomUUID()
  }
}
