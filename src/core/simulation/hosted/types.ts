import type { Context } from '../context.js'
import type { ClientRow } from '../resources/clients.js'
import type { DomainRow } from '../resources/domains.js'
import type { PoolRow } from '../resources/user-pools.js'

/** An HTTP request to a pool's domain or issuer, as adapters hand it over. */
export interface HostedRequest {
  readonly method: string
  /** The whole URL, with its query. */
  readonly url: string
  /** Header names in lower case once inside (adapters may hand them over in any case). */
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: string
}

/** The answer to a hosted request. */
export interface HostedResponse {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: string
}

/** A page or error to answer with after the request's changes are undone (what a failed step leaves is kept). */
export class HostedFailure extends Error {
  constructor(readonly response: HostedResponse) {
    super(`hosted answer ${response.status}`)
  }
}

/** Where a hosted request arrived: the pool's domain, and the URL its pages and endpoints live under. */
export interface Site {
  readonly cx: Context
  readonly pool: PoolRow
  readonly domain: DomainRow
  /** `https://<prefix>.auth.<region>.amazoncognito.com`, or the local form `http://127.0.0.1:9229/_domain/<domain>`. */
  readonly base: string
  /** The path after the base (`/oauth2/authorize`). */
  readonly path: string
  readonly query: URLSearchParams
  readonly request: HostedRequest
}

/** What an authorization request asked for, once checked. */
export interface Authorization {
  readonly client: ClientRow
  readonly redirectUri: string
  readonly responseType: 'code' | 'token'
  readonly scopes: readonly string[]
  readonly state?: string | undefined
  readonly nonce?: string | undefined
  readonly codeChallenge?: string | undefined
  readonly loginHint?: string | undefined
}
