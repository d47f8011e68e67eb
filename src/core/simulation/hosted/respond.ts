import type { HostedResponse } from './types.js'

/** The name of the hosted UI's session cookie (chosen; Cognito's own cookies are opaque). */
export const SESSION_COOKIE = 'cognito'

/** A 302 to `location`, optionally setting or clearing the session cookie. */
export function redirect(location: string, cookie?: string | undefined): HostedResponse {
  return {
    status: 302,
    headers: { location, 'cache-control': 'no-store', ...(cookie !== undefined && { 'set-cookie': cookie }) },
    body: '',
  }
}

/** An HTML page. */
export function page(status: number, body: string, cookie?: string | undefined): HostedResponse {
  return {
    status,
    headers: {
      'content-type': 'text/html;charset=UTF-8',
      'cache-control': 'no-store',
      ...(cookie !== undefined && { 'set-cookie': cookie }),
    },
    body,
  }
}

/**
 * A JSON body as the OAuth endpoints send it (`application/json;charset=UTF-8`, seen from Cognito), readable from a
 * page of any origin (Amplify exchanges codes with fetch; chosen: `*`, as the exact header is not captured).
 */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): HostedResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json;charset=UTF-8',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
      ...headers,
    },
    body: JSON.stringify(body),
  }
}

/** An OAuth error of the token and revocation endpoints: `{"error": "..."}` without a description (seen from Cognito). */
export function oauthError(status: number, error: string): HostedResponse {
  return json(status, { error })
}

/** A URL with parameters added to its query (or, for implicit grants, its fragment). */
export function withParams(url: string, params: Record<string, string | undefined>, inFragment = false): string {
  const pairs = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined) pairs.set(k, v)
  const text = pairs.toString()
  if (!text) return url
  if (inFragment) return `${url.split('#')[0]}#${text}`
  return `${url}${url.includes('?') ? '&' : '?'}${text}`
}

/** Percent-decoded text, or undefined where its escapes are malformed (never an exception). */
export function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}

/** The cookies of a request; one whose value has malformed escapes is ignored, as if the browser had not sent it. */
export function cookies(headers: Readonly<Record<string, string | undefined>>): Map<string, string> {
  const out = new Map<string, string>()
  for (const part of (headers['cookie'] ?? '').split(';')) {
    const at = part.indexOf('=')
    const value = at > 0 ? decoded(part.slice(at + 1).trim()) : undefined
    if (value !== undefined) out.set(part.slice(0, at).trim(), value)
  }
  return out
}

/** The cookie of the login forms' CSRF token, and the form field that must repeat it (both seen from Cognito). */
export const CSRF_COOKIE = 'XSRF-TOKEN'
/** The hidden form field that carries the CSRF token. */
export const CSRF_FIELD = '_csrf'
/**
 * What a form holds where the token goes, until the page leaves (filled in for each browser). Random per process, so
 * no text a user gives (a username, an error parameter) can spell it and receive the token.
 */
export const CSRF_SLOT = `{{_csrf:${globalThis.crypto.randomUUID()}}}`

/** The Set-Cookie of a CSRF token: `Path=/; HttpOnly; SameSite=Lax` (seen from Cognito), Secure over https. */
export function csrfCookie(base: string, token: string): string {
  return `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${base.startsWith('https:') ? '; Secure' : ''}`
}

/**
 * The headers every answer of a pool's domain carries (AWS's developer guide lists them for the userInfo endpoint;
 * captures show them on /login and /oauth2/token too): no framing (clickjacking), no sniffing, no caching.
 */
export const DOMAIN_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-xss-protection': '1; mode=block',
  'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
  pragma: 'no-cache',
  expires: '0',
  'strict-transport-security': 'max-age=31536000 ; includeSubDomains',
  'x-frame-options': 'DENY',
}

/** A Set-Cookie value for the session cookie under `base` (HttpOnly, SameSite=Lax; Secure over https). */
export function sessionCookie(base: string, value: string | undefined, maxAge: number): string {
  const url = new URL(base)
  const path = url.pathname.replace(/\/$/, '') || '/'
  const secure = url.protocol === 'https:' ? '; Secure' : ''
  return `${SESSION_COOKIE}=${value ?? ''}; Path=${path}; Max-Age=${value === undefined ? 0 : maxAge}; HttpOnly; SameSite=Lax${secure}`
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
