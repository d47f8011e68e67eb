import type { IncomingMessage, ServerResponse } from 'node:http'
import { CONTROL_PATH } from '../control.js'
import { CONSOLE_CSS, CONSOLE_HTML, CONSOLE_ICON } from './page.js'
import { consoleScript } from './script.js'

/**
 * The console's own content security policy: its script and style from this server only, no inline script or
 * style, requests to this server only, no framing, no form posted anywhere (its forms are handled by its script).
 */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** The headers of every console file: the policy, no framing, no sniffing, no caching, no referrer. */
export const CONSOLE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONSOLE_CSP,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
}

/** The console's files by path: content type and text (the script made on first use). */
const FILES: Readonly<Record<string, readonly [string, () => string]>> = {
  [CONTROL_PATH]: ['text/html; charset=utf-8', () => CONSOLE_HTML],
  [`${CONTROL_PATH}console/app.js`]: ['text/javascript; charset=utf-8', consoleScript],
  [`${CONTROL_PATH}console/app.css`]: ['text/css; charset=utf-8', () => CONSOLE_CSS],
  [`${CONTROL_PATH}console/icon.svg`]: ['image/svg+xml', () => CONSOLE_ICON],
}

/**
 * Answers a request for one of the console's files, or `GET /` from a browser (which asks for HTML first) with a
 * redirect to the console; false for anything else. The files hold no state, so they need no control token: the page
 * asks for it when the routes it calls do.
 */
export function serveConsoleFile(request: IncomingMessage, response: ServerResponse, path: string): boolean {
  const method = request.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD') return false
  if (path === '/') {
    if (!/\btext\/html\b/.test(request.headers.accept ?? '')) return false
    response.writeHead(302, { location: CONTROL_PATH, 'cache-control': 'no-store', 'content-length': '0' }).end()
    return true
  }
  const file = FILES[path]
  if (!file) return false
  const body = Buffer.from(file[1](), 'utf8')
  response.writeHead(200, { ...CONSOLE_HEADERS, 'content-type': file[0], 'content-length': String(body.length) })
  response.end(method === 'HEAD' ? undefined : body)
  return true
}
