import { hash32, seededRandom } from '../../shared/random.js'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * Ids as Cognito issues them. The n-th id depends only on the seed and n, so the same seed gives the
 * same ids, and a snapshot restores the sequence by restoring the counter.
 */
export class IdGenerator {
  /** How many ids were issued. */
  counter = 0

  constructor(private readonly seed: number) {}

  /** `length` characters drawn for the next id. */
  chars(length: number, alphabet = ALNUM): string {
    const random = seededRandom(hash32(String(this.counter++), this.seed >>> 0))
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)]
    return out
  }

  /** `length` bytes drawn for the next id. */
  bytes(length: number): Uint8Array {
    const hex = this.chars(length * 2, '0123456789abcdef')
    return Uint8Array.from({ length }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16))
  }

  /** A version 4 UUID, as Cognito's `sub`, device keys and token ids are. */
  uuid(): string {
    const hex = this.chars(32, '0123456789abcdef')
    const variant = '89ab'[Number.parseInt(hex[16]!, 16) % 4]
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  }

  /** A user pool id: `<region>_<9 alphanumerics>`. */
  userPoolId(region: string): string {
    return `${region}_${this.chars(9)}`
  }
}
