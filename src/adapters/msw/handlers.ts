import { HttpResponse, http, type RequestHandler } from 'msw'
import { type CognitoMock, createCognitoMock } from '../../core/mock/mock.js'
import type { CognitoMockOptions } from '../../core/mock/options.js'
import type { Cognito } from '../../core/simulation/cognito.js'

/** Options of `cognitoHandlers`: the mock's options, plus where requests may go. */
export interface CognitoHandlersOptions extends CognitoMockOptions {
  /** Further endpoints to answer besides AWS's own (for example `http://localhost:9229/`). */
  readonly endpoints?: readonly string[] | undefined
  /** A simulation to serve (to share or pre-seed one); a fresh one otherwise. */
  readonly simulation?: Cognito | undefined
}

/** MSW request handlers that are also the mock's controls: spread them into setupServer or setupWorker. */
export type CognitoHandlers = RequestHandler[] & CognitoMock

const encoder = new TextEncoder()

/**
 * Cognito's regional endpoints (standard, FIPS, dual-stack and China partitions), its issuer host, pools' prefix domains
 * and the S3 bucket of user import uploads (a job's pre-signed URL).
 */
const AWS_HOST =
  /^(?:(?:cognito-idp(?:-fips)?|issuer-cognito-idp)\.[a-z]{2}(?:-gov)?-[a-z]+-\d\.(?:amazonaws\.com(?:\.cn)?|api\.aws)|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.auth(?:-fips)?\.[a-z]{2}(?:-gov)?-[a-z]+-\d\.amazoncognito\.com|aws-cognito-idp-user-import-[a-z0-9-]+\.s3\.[a-z]{2}(?:-gov)?-[a-z]+-\d\.amazonaws\.com)$/

/** A test for the URLs to answer: Cognito's own endpoints and the ones the caller named (parsed once). */
export function endpointMatcher(endpoints: readonly string[] = []): (url: string) => boolean {
  const named = endpoints.map((endpoint) => new URL(endpoint))
  return (url) => {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return false
    }
    if (parsed.protocol === 'https:' && AWS_HOST.test(parsed.hostname)) return true
    return named.some((e) => e.origin === parsed.origin && parsed.pathname.startsWith(e.pathname))
  }
}

/**
 * MSW handlers that answer Cognito user pools calls over the awsJson 1.1 protocol, from the simulation,
 * generated data or the caller's overrides. Requests to other hosts pass through to the next handler.
 */
export function cognitoHandlers(options: CognitoHandlersOptions = {}): CognitoHandlers {
  const mock = createCognitoMock(options)
  const isCognito = endpointMatcher(options.endpoints)
  const handler = http.all('*', async ({ request }) => {
    if (!isCognito(request.url)) return undefined
    const headers: Record<string, string> = {}
    request.headers.forEach((value, key) => {
      headers[key] = value
    })
    const response = await mock.handle({
      method: request.method,
      url: request.url,
      headers,
      body: await request.text(),
    })
    // With its length stated, MSW hands the body on whole; without it, msw 3 streamed it in chunks and the SDK's
    // calls ran at half a trivial handler's rate (measured on Node 24; msw 2 on Node 20 did not differ).
    const body = encoder.encode(response.body)
    return new HttpResponse(body, {
      status: response.status,
      headers: { ...response.headers, 'content-length': String(body.byteLength) },
    })
  })
  // Descriptors, not values: `ready` is a getter that follows reset().
  return Object.defineProperties([handler], Object.getOwnPropertyDescriptors(mock)) as unknown as CognitoHandlers
}
