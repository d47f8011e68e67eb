import { service } from '../../../../schemas/service.js'
import { type Credentials, signedHeaders } from './sign.js'

/** One answer from the provider, read as awsJson. */
export interface Answer {
  readonly status: number
  readonly text: string
  /** The parsed body; undefined when it is not JSON. */
  readonly json: unknown
  /** The error type (`__type` or `x-amzn-ErrorType`, namespace dropped), for non-2xx answers. */
  readonly errorType: string | undefined
  readonly message: string | undefined
}

/** Error types of AWS's front door, which any operation may answer with (credentials, throttling, availability). */
export const GATEWAY_ERRORS: ReadonlySet<string> = new Set([
  'UnrecognizedClientException',
  'AccessDeniedException',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationTokenException',
  'ExpiredTokenException',
  'RequestExpired',
  'ThrottlingException',
  'ServiceUnavailable',
])

/** Whether an answer says the provider does not implement the operation. */
export function unsupported(answer: Answer): boolean {
  return (
    answer.status === 501 ||
    /^(?:Unsupported|NotImplemented|UnknownOperation|InvalidAction|UnhandledCognitoOperation)/i.test(
      answer.errorType ?? '',
    )
  )
}

const typeOf = (raw: string | null | undefined): string | undefined => {
  if (!raw) return undefined
  const name = raw.split(':')[0]!.trim()
  return name.slice(name.lastIndexOf('#') + 1) || undefined
}

/** Sends one operation to a provider: signed, with a timeout, retrying throttled calls a few times. */
export class Wire {
  constructor(
    readonly endpoint: URL,
    readonly region: string,
    readonly credentials: Credentials,
    readonly timeout: number,
  ) {}

  async send(operation: string, input: unknown): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.once(operation, input)
      const throttled = answer.errorType === 'TooManyRequestsException' || answer.errorType === 'ThrottlingException'
      if (!throttled || attempt >= 4) return answer
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt))
    }
  }

  private async once(operation: string, input: unknown): Promise<Answer> {
    const body = JSON.stringify(input ?? {})
    const headers = await signedHeaders(
      this.endpoint,
      this.region,
      {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `${service.targetPrefix}.${operation}`,
      },
      body,
      this.credentials,
    )
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(this.timeout),
    })
    const text = await response.text()
    let json: unknown
    try {
      json = text ? JSON.parse(text) : {}
    } catch {
      json = undefined
    }
    const record = json && typeof json === 'object' ? (json as Record<string, unknown>) : {}
    const ok = response.status >= 200 && response.status < 300
    const errorType = ok
      ? undefined
      : (typeOf(record['__type'] as string | undefined) ?? typeOf(response.headers.get('x-amzn-errortype')))
    const message = ok ? undefined : ((record['message'] ?? record['Message']) as string | undefined)
    return { status: response.status, text, json, errorType, message }
  }
}
