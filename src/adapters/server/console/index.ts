import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RecordedCall } from '../../../core/mock/calls.js'
import type { Cognito } from '../../../core/simulation/index.js'
import { CONTROL_PATH } from '../control.js'
import { CONTROL_HEADER } from '../control-guard.js'
import { serveConsoleFile } from './assets.js'
import { CallLog } from './calls.js'
import { ConsoleEvents } from './events.js'
import { consoleRoute, type RouteAnswer } from './routes.js'
import { SignIns } from './sign-ins.js'

/** The value of the control header the console's page sends: its reads are left out of the request log. */
export const CONSOLE_HEADER_VALUE = 'console'
/** Operations that only read: the pages need not read again after them. */
const READS = /^(?:Admin)?(?:Describe|List|Get)[A-Z]/

/**
 * The web console of `serve`: its page and files, its JSON routes (control routes, protected as the others are),
 * its live events, and what it keeps: the latest calls (masked) and the last sign-ins it saw.
 */
export class ServerConsole {
  private readonly calls = new CallLog()
  private readonly signIns = new SignIns()
  private readonly events = new ConsoleEvents()

  /** Keeps a call the API answered and tells the open pages of it (and that the state changed, unless it only read). */
  record(call: RecordedCall): void {
    const entry = this.calls.add(call)
    this.signIns.see(call)
    this.events.emit('call', entry)
    if (call.operation && !READS.test(call.operation)) this.events.changed(call.operation)
  }

  /** Says the state may have changed (an API or hosted page request was answered, or a control route changed it). */
  changed(reason: string): void {
    this.events.changed(reason)
  }

  /** Forgets the calls and sign-ins kept (a reset), and tells the open pages. */
  cleared(reason: string): void {
    this.calls.clear()
    this.signIns.clear()
    this.events.changed(reason)
  }

  /** Answers the console's page, script and style, and `GET /` from a browser; false for other requests. */
  file(request: IncomingMessage, response: ServerResponse, path: string): boolean {
    return serveConsoleFile(request, response, path)
  }

  /**
   * Opens the event stream of `GET /_cognito-idp-contract/events` (after the control checks passed); false for other
   * requests. A stream only reads.
   */
  stream(request: IncomingMessage, response: ServerResponse, path: string, headers: Record<string, string>): boolean {
    if (request.method !== 'GET' || path !== `${CONTROL_PATH}events`) return false
    if (!this.events.open(response, headers))
      response
        .writeHead(503, { ...headers, 'content-type': 'application/json', 'retry-after': '5' })
        .end(JSON.stringify({ message: 'cognito-idp-contract: too many event streams are open' }))
    return true
  }

  /** Whether a control request is one of the console page's own reads, which the request log leaves out. */
  quiet(request: IncomingMessage): boolean {
    return request.method === 'GET' && request.headers[CONTROL_HEADER] === CONSOLE_HEADER_VALUE
  }

  /** Answers one of the console's JSON routes, or undefined when the route is not one. */
  route(route: string, request: { readonly url: URL; readonly body: string }, simulation: Cognito) {
    return consoleRoute(route, request, simulation, {
      calls: this.calls,
      signIns: this.signIns,
      ran: (entry) => {
        this.events.emit('call', entry)
        this.events.changed(entry.operation)
      },
    }) as Promise<RouteAnswer | undefined>
  }

  /** Ends the open event streams (the server closes). */
  close(): void {
    this.events.close()
  }
}
