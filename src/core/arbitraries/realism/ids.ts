import fc from 'fast-check'
import { jsonCopy } from '../../shared/json-copy.js'

/** Regions where Cognito user pools exist, for ids and ARNs. */
export const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
] as const

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split('')
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('')
const DIGITS = '0123456789'.split('')
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.split('')
const B64URL = [...ALNUM, '-', '_']

/**
 * How an alphabet is drawn: `k` characters to one 31-bit draw (k = floor(31 / log2 |alphabet|)), each draw a number below
 * |alphabet|^k, so every character is uniform over the alphabet.
 */
function drawsOf(from: readonly string[]): { k: number; draw: fc.Arbitrary<number> } {
  const k = Math.max(1, Math.floor(31 / Math.log2(Math.max(from.length, 2))))
  return { k, draw: fc.noBias(fc.integer({ min: 0, max: from.length ** k - 1 })) }
}

/** The characters of `draws` (numbers below size^k, k characters each), up to `n` of them. */
function spell(from: readonly string[], k: number, draws: readonly number[], n: number): string {
  let s = ''
  for (const draw of draws) {
    let x = draw
    for (let j = 0; j < k && s.length < n; j++) {
      s += from[x % from.length]!
      x = Math.floor(x / from.length)
    }
  }
  return s
}

/**
 * Exactly `n` characters drawn from `chars`, several characters to a draw (a 26-character client id takes 6 draws, not
 * 26), each uniform over the alphabet.
 */
export function chars(from: readonly string[], n: number): fc.Arbitrary<string> {
  const { k, draw } = drawsOf(from)
  const count = Math.ceil(n / k)
  return fc.array(draw, { minLength: count, maxLength: count }).map((draws) => spell(from, k, draws, n))
}

/** Between `min` and `max` characters drawn from `chars`, as `chars` draws them. */
export function charsBetween(from: readonly string[], min: number, max: number): fc.Arbitrary<string> {
  const { k, draw } = drawsOf(from)
  const count = Math.ceil(max / k)
  return fc
    .tuple(fc.integer({ min, max }), fc.array(draw, { minLength: count, maxLength: count }))
    .map(([n, draws]) => spell(from, k, draws, n))
}

/** A region: the given one, or one of the real regions. */
export function region(fixed: string | undefined): fc.Arbitrary<string> {
  return fixed ? fc.constant(fixed) : fc.constantFrom(...REGIONS)
}

/** A 12-digit AWS account id: the given one, or drawn. */
export function accountId(fixed: string | undefined): fc.Arbitrary<string> {
  // One draw rather than twelve: every value's account costs as little as its region.
  return fixed ? fc.constant(fixed) : fc.integer({ min: 100_000_000_000, max: 999_999_999_999 }).map(String)
}

/** A fresh JSON copy of a value with every placeholder replaced, in strings and in map keys. */
function replaceDeep(value: unknown, from: readonly string[], to: readonly string[]): unknown {
  const shortest = Math.min(...from.map((f) => f.length))
  return jsonCopy(value, (s) => {
    if (s.length < shortest) return s
    for (let i = 0; i < from.length; i++) if (s.includes(from[i]!)) s = s.replaceAll(from[i]!, to[i]!)
    return s
  })
}

/**
 * Draws one region and one account for a whole value and puts them where the placeholders stand (the value comes
 * out as a fresh JSON copy). With `plain`, a value without placeholders is copied as JSON too.
 */
export function withEnvironment<T>(
  inner: fc.Arbitrary<T>,
  placeholders: { region?: string | undefined; account?: string | undefined },
  plain = false,
): fc.Arbitrary<T> {
  if (!placeholders.region && !placeholders.account) return plain ? inner.map((v) => jsonCopy(v) as T) : inner
  return fc.tuple(region(undefined), accountId(undefined), inner).map(([r, a, value]) => {
    const from: string[] = []
    const to: string[] = []
    if (placeholders.region) {
      from.push(placeholders.region)
      to.push(r)
    }
    if (placeholders.account) {
      from.push(placeholders.account)
      to.push(a)
    }
    return replaceDeep(value, from, to) as T
  })
}

/** A user pool id as Cognito issues them: `<region>_<9 alphanumerics>`. */
export function userPoolId(fixedRegion: string | undefined): fc.Arbitrary<string> {
  return fc.tuple(region(fixedRegion), chars(ALNUM, 9)).map(([r, id]) => `${r}_${id}`)
}

export { userPoolArn } from '../../shared/arn.js'

/** An app client id: 26 lowercase alphanumerics. */
export const clientId = chars(LOWER_ALNUM, 26)
/** An app client secret: 52 lowercase alphanumerics (as in AWS's published example). */
export const clientSecret = chars(LOWER_ALNUM, 52)
/** A TOTP secret in base32. */
export const totpSecret = chars(BASE32, 32)
/** A version 4 UUID. */
export const uuid = fc.uuid({ version: 4 })
/** A user import job id. */
export const importJobId = chars(LOWER_ALNUM, 10).map((s) => `import-${s}`)
/** An opaque continuation token. */
export const paginationToken = charsBetween([...ALNUM, '+', '/'], 40, 80).map((s) => `${s}==`)
/** An opaque session string of an auth challenge. */
export const session = charsBetween(B64URL, 120, 240)
/** A six-digit confirmation code. */
export const confirmationCode = chars(DIGITS, 6)
/** A JWT-shaped token (three base64url segments). */
export const jwt = fc
  .tuple(charsBetween(B64URL, 20, 40), charsBetween(B64URL, 60, 160), charsBetween(B64URL, 43, 43))
  .map(([h, p, s]) => `eyJ${h}.eyJ${p}.${s}`)

const LOCALS = ['jane.doe', 'john.smith', 'alex', 'maria.garcia', 'li.wei', 'sam+test', 'noor', 'olga.ivanova']
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com']

/** An email address at a reserved example domain. */
export const email = fc
  .tuple(fc.constantFrom(...LOCALS), fc.integer({ min: 1, max: 999 }), fc.constantFrom(...DOMAINS))
  .map(([l, n, d]) => `${l}${n}@${d}`)
/** A North American E.164 phone number in the 555-01xx fictional range. */
export const phoneNumber = fc
  .tuple(fc.constantFrom('206', '212', '303', '415', '512', '617'), fc.integer({ min: 100, max: 199 }))
  .map(([area, n]) => `+1${area}5550${n}`)
/** An https URL on a reserved example domain. */
export const httpsUrl = fc
  .tuple(
    fc.constantFrom('app', 'www', 'auth', 'login'),
    fc.constantFrom('example.com', 'example.org'),
    fc.constantFrom('', 'callback', 'oauth2/idpresponse', 'signed-out'),
  )
  .map(([h, d, p]) => `https://${h}.${d}/${p}`)

/** Epoch seconds (with milliseconds) between the API's release and now. */
export const timestamp = fc
  .noBias(fc.integer({ min: 1_460_937_600_000, max: 1_795_000_000_000 }))
  .map((ms) => ms / 1000)
