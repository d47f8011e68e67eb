import { bytesToHex, sha256Bytes } from '../../shared/crypto.js'
import type { Context } from '../context.js'
import { MAX_FILE_BYTES } from '../resources/import-csv.js'
import { EXPIRY_SECONDS, jobKey } from '../resources/import-jobs.js'
import {
  LOCAL_UPLOAD_PATH,
  parseAmzDate,
  SIGNED_HEADERS,
  signedFor,
  URL_EXPIRES_SECONDS,
} from '../resources/import-url.js'
import type { Store } from '../schema.js'

/** An HTTP request to a pre-signed upload URL, as adapters hand it over (the hosted requests' form). */
export interface UploadRequest {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: string
}

/** The answer, in S3's form. */
export interface UploadResponse {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: string
}

/** The bucket host of Cognito's import uploads, in any region. */
const BUCKET_HOST = /^aws-cognito-idp-user-import-[a-z0-9-]+\.s3\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com$/
/** The path of an upload: `/<account>/<poolId>/<jobId>`. */
const TARGET = /^\/(\d{12})\/(([a-z]{2}(?:-gov)?-[a-z]+-\d)_[0-9A-Za-z]+)\/(import-[0-9A-Za-z-]+)$/

/** Seen from S3 (its documented error responses): a signed request whose signature does not match. */
const MISMATCH = {
  code: 'SignatureDoesNotMatch',
  message:
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
}

/** S3's XML error document (Seen from S3: `<Error><Code>…</Code><Message>…</Message><RequestId>…</RequestId>…`). */
function s3Error(
  cx: { readonly secrets: Context['secrets'] },
  status: number,
  code: string,
  message: string,
): UploadResponse {
  const requestId = cx.secrets.chars(16, '0123456789ABCDEF')
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId><HostId>${cx.secrets.chars(56)}</HostId></Error>`
  return { status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId }, body }
}

/** Where an upload URL points, when it is one: its account, pool, region and job. */
function targetOf(url: URL): { account: string; poolId: string; region: string; jobId: string } | undefined {
  let path: string
  if (BUCKET_HOST.test(url.hostname) && url.protocol === 'https:') path = url.pathname
  else if (url.pathname.startsWith(LOCAL_UPLOAD_PATH)) path = `/${url.pathname.slice(LOCAL_UPLOAD_PATH.length)}`
  else return undefined
  const m = TARGET.exec(path)
  return m ? { account: m[1]!, poolId: m[2]!, region: m[3]!, jobId: m[4]! } : undefined
}

/**
 * Answers a PUT to a job's pre-signed URL as S3 would: the file is kept for the job while it is Created. The URL's
 * signature is its guard (it names the job and the time it was signed; it is not kept anywhere). Seen from Cognito:
 * the upload carries `x-amz-server-side-encryption: aws:kms`, a signed header (CLI:create-user-import-job; the URL's
 * X-Amz-SignedHeaders), so an upload without it fails as S3 fails a request whose signed headers differ:
 * 403 SignatureDoesNotMatch. Seen from S3: a URL past X-Amz-Expires is 403 AccessDenied "Request has expired".
 * Chosen without evidence: a job that is gone or no longer Created refuses uploads (403 AccessDenied "Access Denied"),
 * and a file over Cognito's 100 MB limit is refused here (400 EntityTooLarge, S3's text) instead of failing the job.
 * Undefined for a request that is not to an upload URL.
 */
export async function answerUpload(
  store: Store,
  context: (region: string, account: string) => Context,
  request: UploadRequest,
): Promise<UploadResponse | undefined> {
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return undefined
  }
  const target = targetOf(url)
  if (!target) return undefined
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(request.headers)) if (v !== undefined) headers[k.toLowerCase()] = v
  return store.exclusive(() => {
    const query = url.searchParams
    const date = query.get('X-Amz-Date') ?? ''
    const signed = parseAmzDate(date)
    if (
      request.method.toUpperCase() !== 'PUT' ||
      signed === undefined ||
      query.get('X-Amz-SignedHeaders') !== SIGNED_HEADERS ||
      query.get('X-Amz-Expires') !== String(URL_EXPIRES_SECONDS) ||
      !signedFor(store, target, date, query.get('X-Amz-Signature') ?? '') ||
      headers['x-amz-server-side-encryption'] !== 'aws:kms'
    )
      return s3Error(store, 403, MISMATCH.code, MISMATCH.message)
    // Only a partition that exists is entered: a URL never creates one.
    const partition = store.occupied().find((p) => p.account === target.account && p.region === target.region)
    const job = partition?.tables.importJobs.get(jobKey(target.poolId, target.jobId))
    if (!job) return s3Error(store, 403, 'AccessDenied', 'Access Denied')
    const cx = context(target.region, target.account)
    if (cx.now() > signed + URL_EXPIRES_SECONDS) return s3Error(store, 403, 'AccessDenied', 'Request has expired')
    if (job.status !== 'Created' || cx.now() >= job.created + EXPIRY_SECONDS)
      return s3Error(store, 403, 'AccessDenied', 'Access Denied')
    const bytes = new TextEncoder().encode(request.body)
    if (bytes.length > MAX_FILE_BYTES)
      return s3Error(cx, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size')
    const key = jobKey(job.poolId, job.jobId)
    const file = { poolId: job.poolId, jobId: job.jobId, text: request.body }
    if (cx.tables.importFiles.has(key)) cx.tables.importFiles.put(file)
    else cx.tables.importFiles.insert(file)
    cx.tables.importJobs.put({ ...job, uploadedBytes: bytes.length })
    // Chosen: the ETag of an SSE-KMS object is no MD5 of its bytes (S3's documentation), so any 32 hex digits do.
    const etag = `"${bytesToHex(sha256Bytes(bytes)).slice(0, 32)}"`
    return {
      status: 200,
      headers: { etag, 'x-amz-server-side-encryption': 'aws:kms', 'content-length': '0' },
      body: '',
    }
  })
}
