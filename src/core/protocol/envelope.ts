import type { WireResponse } from './types.js'

/** The content type of every awsJson 1.1 response. */
export const CONTENT_TYPE = 'application/x-amz-json-1.1'

/** Headers Cognito sends on every response, CORS included (browsers read the error headers only if exposed). */
function baseHeaders(requestId: string): Record<string, string> {
  return {
    'content-type': CONTENT_TYPE,
    'x-amzn-requestid': requestId,
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date',
  }
}

/** A successful response carrying the output as JSON (`text`, when the output's JSON text is already known). */
export function success(requestId: string, output: unknown, text?: string | undefined): WireResponse {
  return { status: 200, headers: baseHeaders(requestId), body: text ?? JSON.stringify(output ?? {}) }
}

/**
 * An error response in Cognito's form: `{"__type", "message"}` in the body and the type in
 * `x-amzn-ErrorType` (with the trailing colon real responses carry) and the message in `x-amzn-ErrorMessage`.
 */
export function failure(requestId: string, status: number, type: string, message: string): WireResponse {
  const headers = { ...baseHeaders(requestId), 'x-amzn-errortype': `${type}:` }
  const safe = message.replace(/[^\x20-\x7e]/g, '?')
  // Seen from Cognito: SerializationException spells its message member "Message".
  const body = type === 'SerializationException' ? { __type: type, Message: message } : { __type: type, message }
  return {
    status,
    headers: safe.length <= 1024 ? { ...headers, 'x-amzn-errormessage': safe } : headers,
    body: JSON.stringify(body),
  }
}
