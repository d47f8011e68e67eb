import type { IncomingHttpHeaders } from 'node:http'
import { constantTimeEqual } from '../../core/shared/crypto.js'
import { type HostPolicy, originAllowed } from './hosts.js'

/** The header a control request that changes state carries (any value), so a page cannot send it without a preflight. */
export const CONTROL_HEADER = 'x-cognito-idp-contract'
/** The header that carries the control token (or `Authorization: Bearer <token>`). */
export const TOKEN_HEADER = 'x-cognito-idp-contract-token'

/** Who may use the control routes. */
export interface ControlPolicy extends HostPolicy {
  /** When set, every control request must carry it. */
  readonly token?: string | undefined
}

/** Why a control request is refused: a status and one line. */
export interface Refusal {
  readonly status: number
  readonly message: string
}

function tokenOf(headers: IncomingHttpHeaders): string | undefined {
  const given = headers[TOKEN_HEADER]
  if (typeof given === 'string') return given
  const auth = headers.authorization
  return typeof auth === 'string' && /^bearer /i.test(auth) ? auth.slice(7).trim() : undefined
}

/**
 * Refuses a control request that does not come from this machine's own tools: a page of another origin (its Origin
 * header), one without the token when the server has one, and a change sent as a simple request (which a browser sends
 * from any page without asking first): changes need the control header or a JSON content type.
 */
export function controlRefusal(
  method: string,
  headers: IncomingHttpHeaders,
  policy: ControlPolicy,
): Refusal | undefined {
  const origin = headers.origin
  if (origin !== undefined && !originAllowed(origin, policy))
    return { status: 403, message: `the control routes answer this machine's own tools; origin ${origin} is refused` }
  if (policy.token !== undefined) {
    const given = tokenOf(headers)
    if (given === undefined || !constantTimeEqual(given, policy.token))
      return {
        status: 401,
        message: `this server's control routes need its token (the ${TOKEN_HEADER} header, or Authorization: Bearer)`,
      }
  }
  const upper = method.toUpperCase()
  if (upper === 'GET' || upper === 'HEAD') return undefined
  const type = headers['content-type']?.split(';')[0]?.trim().toLowerCase()
  if (headers[CONTROL_HEADER] === undefined && type !== 'application/json')
    return {
      status: 403,
      message: `a control request that changes state needs the header ${CONTROL_HEADER}: 1 (or Content-Type: application/json), so that no web page can send it unasked`,
    }
  return undefined
}

/** The CORS headers of a control answer: the origin echoed when it is an allowed one, nothing for others. */
export function controlCors(headers: IncomingHttpHeaders, policy: HostPolicy): Record<string, string> {
  const origin = headers.origin
  return origin !== undefined && originAllowed(origin, policy)
    ? { 'access-control-allow-origin': origin, vary: 'Origin' }
    : { vary: 'Origin' }
}
