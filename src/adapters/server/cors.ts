import type { IncomingMessage, ServerResponse } from 'node:http'
import { CONTROL_HEADER, TOKEN_HEADER } from './control-guard.js'
import { type HostPolicy, originAllowed } from './hosts.js'

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

/**
 * Answers a preflight for a control route: allowed for this machine's own pages (loopback origins, or allowed hosts),
 * with the control and token headers; refused, with no CORS headers, for any other origin.
 */
export function controlPreflight(request: IncomingMessage, response: ServerResponse, policy: HostPolicy): void {
  const origin = request.headers.origin
  if (origin === undefined || !originAllowed(origin, policy)) {
    response.writeHead(403, { vary: 'Origin', 'content-length': '0' }).end()
    return
  }
  response
    .writeHead(204, {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, PUT',
      'access-control-allow-headers': `content-type, authorization, ${CONTROL_HEADER}, ${TOKEN_HEADER}`,
      'access-control-max-age': '600',
      vary: 'Origin',
      'content-length': '0',
    })
    .end()
}
