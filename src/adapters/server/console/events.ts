import type { ServerResponse } from 'node:http'

/** How many event streams may be open at once (chosen: a few tabs and scripts; more get 503). */
const MAX_STREAMS = 32
/** How often an idle stream gets a comment line, so proxies and browsers keep it open (chosen). */
const HEARTBEAT_MS = 20_000
/** How long changes are gathered into one `change` event (chosen: a burst of calls refreshes a page once). */
const GATHER_MS = 100

/**
 * Server-sent events for the console: `call` (a line of the request log), `change` (the state may have changed: the
 * page reads again what it shows) and `reset`. Streams only read; nothing a stream sends changes state.
 */
export class ConsoleEvents {
  private readonly streams = new Set<ServerResponse>()
  private pending: Set<string> | undefined
  private heartbeat: ReturnType<typeof setInterval> | undefined

  /** Whether anyone listens (the console does no work for events when no one does). */
  get listening(): boolean {
    return this.streams.size > 0
  }

  /** Opens a stream on a response; false (answered 503) when too many are open. */
  open(response: ServerResponse, headers: Record<string, string>): boolean {
    if (this.streams.size >= MAX_STREAMS) return false
    response.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    response.write(': cognito-idp-contract console events\nretry: 2000\n\n')
    this.streams.add(response)
    response.on('close', () => {
      this.streams.delete(response)
      if (this.streams.size === 0 && this.heartbeat) {
        clearInterval(this.heartbeat)
        this.heartbeat = undefined
      }
    })
    this.heartbeat ??= setInterval(() => this.send(': keep-alive\n\n'), HEARTBEAT_MS)
    this.heartbeat.unref?.()
    return true
  }

  /** Sends one event to every stream. */
  emit(event: string, data: unknown): void {
    if (this.streams.size > 0) this.send(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }

  /** Says the state may have changed (why: an operation's name, `hosted`, `reset`…), gathered over a moment. */
  changed(reason: string): void {
    if (this.streams.size === 0) return
    if (this.pending) {
      this.pending.add(reason)
      return
    }
    this.pending = new Set([reason])
    setTimeout(() => {
      const reasons = [...(this.pending ?? [])]
      this.pending = undefined
      this.emit('change', { reasons })
    }, GATHER_MS).unref?.()
  }

  /** Ends every stream (the server closes). */
  close(): void {
    for (const stream of this.streams) stream.end()
    this.streams.clear()
    if (this.heartbeat) clearInterval(this.heartbeat)
    this.heartbeat = undefined
  }

  private send(text: string): void {
    for (const stream of this.streams) stream.write(text)
  }
}
