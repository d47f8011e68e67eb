import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Answers a CORS preflight as AWS's endpoints do: any origin, the methods this server takes, the headers the browser
 * asks for (chosen: echoed), and a cache of 172800 seconds (seen from Cognito's sibling endpoint in
 * aws-amplify/amplify-js#4346). Responses themselves expose `x-amzn-RequestId`, `x-amzn-ErrorType`,
 * `x-amzn-ErrorMessage` and `Date` (seen; see the protocol's envelope).
 */
export function preflight(request: IncomingMessage, response: ServerResponse): void {
  const asked = request.headers['access-control-request-headers']
  response
    .writeHead(200, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
      'access-control-allow-headers': typeof asked === 'string' && asked !== '' ? asked : '*',
      'access-control-expose-headers': 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date',
      'access-control-max-age': '172800',
      'content-length': '0',
    })
    .end()
}
