/** An HTTP request as the protocol core sees it, whatever carried it (MSW, a Node server, an SDK handler). */
export interface WireRequest {
  readonly method: string
  readonly url: string
  /** Header names in any case. */
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: string
  /** The address the request came from, where the environment knows it (a server's socket); none in a browser. */
  readonly sourceIp?: string | undefined
}

/** An HTTP response to hand back to whatever carried the request. */
export interface WireResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}
