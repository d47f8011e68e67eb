import { bytesToHex, constantTimeEqual, hmacSha256, utf8ToBytes } from '../../shared/crypto.js'
import type { Can } from '../context.js'

/** The path prefix of a job's upload URL on a local endpoint (`serve`): `<origin>/_cognito-idp-contract/import/…`. */
export const LOCAL_UPLOAD_PATH = '/_cognito-idp-contract/import/'
/** Seen from Cognito: the URL is valid for 15 minutes, `X-Amz-Expires=899` (CLI:create-user-import-job). */
export const URL_EXPIRES_SECONDS = 899
/** Seen from Cognito: the signed headers of the URL; the upload must send the second with `aws:kms`. */
export const SIGNED_HEADERS = 'host;x-amz-server-side-encryption'

/**
 * The airport code in the name of Cognito's import bucket of each region. Seen from Cognito: `pdx` for us-west-2
 * (CLI:create-user-import-job) and `nrt` for ap-northeast-1 (a 2021 capture, GH-code("aws-cognito-idp-user-import-nrt"));
 * chosen by analogy for the others (AWS's usual codes); a region without one is named in full.
 */
const BUCKET_CODES: Readonly<Record<string, string>> = {
  'us-east-1': 'iad',
  'us-east-2': 'cmh',
  'us-west-1': 'sfo',
  'us-west-2': 'pdx',
  'ca-central-1': 'yul',
  'eu-west-1': 'dub',
  'eu-west-2': 'lhr',
  'eu-west-3': 'cdg',
  'eu-central-1': 'fra',
  'eu-north-1': 'arn',
  'eu-south-1': 'mxp',
  'ap-northeast-1': 'nrt',
  'ap-northeast-2': 'icn',
  'ap-northeast-3': 'kix',
  'ap-south-1': 'bom',
  'ap-southeast-1': 'sin',
  'ap-southeast-2': 'syd',
  'sa-east-1': 'gru',
  'me-south-1': 'bah',
  'af-south-1': 'cpt',
}

/** What a pre-signed URL is made for. */
export interface UploadTarget {
  readonly account: string
  readonly region: string
  readonly poolId: string
  readonly jobId: string
  readonly created: number
  readonly endpoint?: string | undefined
}

/**
 * The key that signs the upload URLs of one store: drawn from the CSPRNG when first needed and held in memory only,
 * never stored (so a snapshot, a data directory or a log holds nothing that opens a URL). Chosen: Describe, List,
 * Start and Stop give the URL again (seen in every CLI example), so it is signed rather than kept; after a restart,
 * a reset or a restore, earlier URLs no longer open and the operations give newly signed ones.
 */
const KEYS = new WeakMap<object, Uint8Array>()

function keyOf(store: object): Uint8Array {
  let key = KEYS.get(store)
  if (!key) {
    key = globalThis.crypto.getRandomValues(new Uint8Array(32))
    KEYS.set(store, key)
  }
  return key
}

/** `YYYYMMDDTHHMMSSZ` of epoch seconds, as SigV4's X-Amz-Date. */
export function amzDate(seconds: number): string {
  return new Date(Math.floor(seconds) * 1000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

/** What a URL's signature covers: the job it names and the time it was signed. */
type Signed = Pick<UploadTarget, 'account' | 'poolId' | 'jobId'>

function signature(store: object, target: Signed, date: string): string {
  const text = `${target.account}/${target.poolId}/${target.jobId}\n${date}`
  return bytesToHex(hmacSha256(keyOf(store), utf8ToBytes(text)))
}

/** The bucket host of a region: `aws-cognito-idp-user-import-<code>.s3.<region>.amazonaws.com`. */
export function bucketHost(region: string): string {
  return `aws-cognito-idp-user-import-${BUCKET_CODES[region] ?? region}.s3.${region}.amazonaws.com`
}

/**
 * The job's pre-signed URL in Cognito's shape (Seen from Cognito: `https://aws-cognito-idp-user-import-pdx.s3.us-west-2
 * .amazonaws.com/<accountId>/<poolId>/<jobId>?X-Amz-Security-Token=…&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=…
 * &X-Amz-SignedHeaders=host%3Bx-amz-server-side-encryption&X-Amz-Expires=899&X-Amz-Credential=…&X-Amz-Signature=…`,
 * CLI:list-user-import-jobs). Signed at the job's creation, so every answer gives the same URL. Chosen: on a local
 * endpoint the same path and query under `<origin>/_cognito-idp-contract/import/`; the signature is an HMAC of the
 * target under the store's key (not SigV4: nothing outside checks it), the token and credential are stand-ins.
 */
export function importUrl(cx: Can<never>, target: UploadTarget): string {
  const date = amzDate(target.created)
  const sig = signature(cx.store, target, date)
  const base =
    target.endpoint === undefined ? `https://${bucketHost(target.region)}/` : `${target.endpoint}${LOCAL_UPLOAD_PATH}`
  const credential = `ASIAEXAMPLEIMPORTJOB/${date.slice(0, 8)}/${target.region}/s3/aws4_request`
  const query = [
    `X-Amz-Security-Token=${sig.slice(0, 32)}`,
    'X-Amz-Algorithm=AWS4-HMAC-SHA256',
    `X-Amz-Date=${date}`,
    `X-Amz-SignedHeaders=${encodeURIComponent(SIGNED_HEADERS)}`,
    `X-Amz-Expires=${URL_EXPIRES_SECONDS}`,
    `X-Amz-Credential=${encodeURIComponent(credential)}`,
    `X-Amz-Signature=${sig}`,
  ].join('&')
  return `${base}${target.account}/${target.poolId}/${target.jobId}?${query}`
}

/** Whether a URL's signature is the one this store made for the job at that date. */
export function signedFor(store: object, target: Signed, date: string, given: string): boolean {
  return constantTimeEqual(given, signature(store, target, date))
}

/** Epoch seconds of an X-Amz-Date, or undefined for text that is not one. */
export function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text)
  if (!m) return undefined
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)
  return Number.isNaN(ms) ? undefined : ms / 1000
}
