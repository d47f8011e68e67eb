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
/** Words drawn from the platform's CSPRNG at a time (WebCrypto allows 64 KiB a call). */
const BATCH = 2_048

/**
 * Secrets (passwords, codes, tokens, client and TOTP secrets, sessions, cookies) from WebCrypto's CSPRNG, in Node and
 * in browsers alike: two simulations given the same calls give different secrets, whatever their seed.
 */
export class RandomSecrets implements SecretSource {
  private readonly words = new Uint32Array(BATCH)
  private at = BATCH

  private next(): number {
    if (this.at === BATCH) {
      globalThis.crypto.getRandomValues(this.words)
      this.at = 0
    }
    return this.words[this.at++]!
  }

  chars(length: number, alphabet = ALNUM): string {
    const n = alphabet.length
    // Rejection sampling: words past the last whole multiple of n are drawn again, so each character is uniform.
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % n)
    const out = new Array<string>(length)
    for (let i = 0; i < length; i++) {
      let word = this.next()
      while (word >= limit) word = this.next()
      out[i] = alphabet[word % n]!
    }
    return out.join('')
  }

  bytes(length: number): Uint8Array {
    return globalThis.crypto.getRandomValues(new Uint8Array(length))
  }

  uuid(): string {
    return globalThis.crypto.randomUUID()
  }
}
