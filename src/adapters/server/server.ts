import { randomBytes } from 'node:crypto'
import type { Server, ServerResponse } from 'node:http'
import { writeContract } from '../../core/contract/file.js'
import { type CognitoMock, createCognitoMock } from '../../core/mock/mock.js'
import type { CognitoMockOptions } from '../../core/mock/options.js'
import { type Cognito, createCognito } from '../../core/simulation/index.js'
import { BodyTooLarge, MAX_CONTROL_BYTES, MAX_REQUEST_BYTES, readBody } from './body.js'
import { ServerConsole } from './console/index.js'
import { CONTROL_PATH, control } from './control.js'
import { type ControlPolicy, controlCors, controlRefusal } from './control-guard.js'
import { controlPreflight, preflight } from './cors.js'
import { type DataDir, openDataDir } from './data-dir.js'
import { hostAllowed, isLoopback, originAllowed } from './hosts.js'
import { importUpload, isImportUpload } from './import-upload.js'
import { entryOf, formatEntry, type LogFormat } from './request-log.js'
import { type HttpsOption, serverFor, tlsCredentials } from './tls.js'

/** Options of the local Cognito endpoint. */
export interface CognitoServerOptions extends CognitoMockOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  readonly port?: number | undefined
  /** Interface to bind; loopback only by default. */
  readonly host?: string | undefined
  /** A directory that keeps the state across restarts (created if missing; one server at a time). */
  readonly data?: string | undefined
  /** Where to write one line per request (time, region, operation, status, error type, source, milliseconds). */
  readonly requestLog?: ((line: string) => void) | undefined
  /** `text` (default) for people, `json` for machines. */
  readonly requestLogFormat?: LogFormat | undefined
  /**
   * A token every control request must carry (`x-cognito-idp-contract-token`, or `Authorization: Bearer`). Bound
   * beyond loopback without one, the server makes one (random) and gives it as `controlToken`.
   */
  readonly controlToken?: string | undefined
  /** Host names besides loopback, the bound interface and the pools' domains that requests may name (e.g. `cognito` in a compose file). */
  readonly allowHosts?: readonly string[] | undefined
  /** The largest API or hosted-page request body, in bytes (default 2 MiB); larger ones get 413 before they are read. */
  readonly maxRequestBytes?: number | undefined
  /**
   * Serve over HTTPS (`serve --https`), so a browser app can name the server as Amplify's `oauth.domain`: `true`
   * makes a self-signed certificate for localhost, 127.0.0.1 and ::1 (kept in the data directory, if any), or give
   * `{ cert, key }` as PEM text.
   */
  readonly https?: HttpsOption | undefined
}

/** A running local Cognito endpoint and the mock behind it. */
export interface RunningCognitoServer {
  /** The endpoint URL, e.g. `http://127.0.0.1:9229/`, for an SDK's `endpoint` or the CLI's `--endpoint-url`. */
  readonly url: string
  readonly mock: CognitoMock
  /** The data directory that keeps the state, if one was given. */
  readonly data: string | undefined
  /** The token control requests must carry, when there is one (given, or made because the server is bound beyond loopback). */
  readonly controlToken: string | undefined
  /** The certificate (PEM) it serves HTTPS with, when it does: what a client or browser is told to trust. */
  readonly certificate?: string | undefined
  /** What starting had to mend (a stale or damaged lock of the data directory taken over), one line each. */
  readonly notes: readonly string[]
  /** Stops listening, and lets go of the data directory. */
  close(): Promise<void>
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const all = { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }
  if (status === 204 || body === undefined) response.writeHead(status, all).end()
  else response.writeHead(status, all).end(JSON.stringify(body))
}

/** An answer to a request refused before it reached the API, the hosted pages or the controls, in the form each expects. */
function refuse(response: ServerResponse, status: number, message: string, api: boolean): void {
  const text = `cognito-idp-contract: ${message}`
  // Chosen: API callers get an AWS error envelope (the SDKs read __type), others a message.
  sendJson(
    response,
    status,
    api
      ? { __type: status === 413 ? 'RequestEntityTooLargeException' : 'AccessDeniedException', message: text }
      : { message: text },
    {
      connection: 'close',
    },
  )
}

/**
 * Serves the same protocol, simulation and generated data over HTTP, for tools outside JavaScript: Cognito's API at
 * `/`, a pool's JWKS at `/<poolId>/.well-known/jwks.json`, and the server's own controls under
 * `/_cognito-idp-contract/`. With `data`, every acknowledged change is on disk before its response leaves.
 */
export async function startCognitoServer(options: CognitoServerOptions = {}): Promise<RunningCognitoServer> {
  const host = options.host ?? '127.0.0.1'
  const dir: DataDir | undefined = options.data === undefined ? undefined : openDataDir(options.data)
  let simulation: Cognito
  let loaded = false
  try {
    simulation = createCognito({
      seed: options.seed ?? 0,
      reproducibleSecrets: options.reproducibleSecrets,
      lambdas: options.lambdas,
      lambdaTimeout: options.lambdaTimeout,
      rateLimits: options.rateLimits,
      ...(dir && { journal: dir.journal }),
    })
    if (dir) loaded = dir.attach(simulation)
  } catch (error) {
    dir?.close()
    throw error
  }
  const format = options.requestLogFormat ?? 'text'
  const log = options.requestLog
  const webConsole = new ServerConsole()
  const mock = createCognitoMock({
    ...options,
    simulation,
    seeded: loaded,
    onCall: (call) => {
      options.onCall?.(call)
      webConsole.record(call)
      if (log) log(formatEntry(entryOf(call), format))
    },
  })
  try {
    await mock.ready
  } catch (error) {
    dir?.close()
    throw error
  }
  const about = {
    mode: options.mode ?? 'auto',
    region: simulation.region,
    data: dir?.path ?? null,
    simulated: simulation.operations.length,
  }
  const controlToken = options.controlToken ?? (isLoopback(host) ? undefined : randomBytes(24).toString('base64url'))
  const policy: ControlPolicy = {
    bound: host,
    allowed: options.allowHosts ?? [],
    token: controlToken,
  }
  const maxRequest = options.maxRequestBytes ?? MAX_REQUEST_BYTES
  const tls = options.https === undefined ? undefined : await tlsCredentials(options.https, dir?.path)
  const scheme = tls ? 'https' : 'http'
  const server: Server = serverFor(tls, (request, response) => {
    void (async () => {
      const path = (request.url ?? '/').split('?')[0] ?? '/'
      const isControl = path.startsWith(CONTROL_PATH)
      const isApi = request.method === 'POST' && (path === '/' || path === '')
      if (!hostAllowed(request.headers.host, policy))
        return refuse(
          response,
          403,
          `the Host ${JSON.stringify(request.headers.host)} is not this server's; start it with --allow-host NAME to answer that name`,
          isApi,
        )
      // A page of another site may call nothing here, the API and hosted pages included: they check no credentials,
      // so its calls could read and change every pool (chosen: Cognito itself answers any origin, with SigV4).
      const origin = request.headers.origin
      if (origin !== undefined && !originAllowed(origin, policy))
        return refuse(
          response,
          403,
          `requests from pages of ${origin} are refused; start the server with --allow-host NAME to accept that site's pages`,
          isApi,
        )
      // A user import job's file, PUT to its pre-signed URL: guarded by the URL's signature, not the control header.
      if (isImportUpload(request.method, path)) return importUpload(request, response, mock)
      // The console's page and files (no state in them), and a browser's `GET /` sent to the console.
      if (webConsole.file(request, response, path)) return
      if (request.method === 'OPTIONS')
        return isControl ? controlPreflight(request, response, policy) : preflight(request, response)
      if (isControl) {
        const refusal = controlRefusal(request.method ?? 'GET', request.headers, policy)
        if (refusal) return refuse(response, refusal.status, refusal.message, false)
        if (webConsole.stream(request, response, path, controlCors(request.headers, policy))) return
      }
      let url: URL
      let body: string
      const target = request.url ?? '/'
      // Origin-form targets only: `//other-host/…` or `http://other-host/…` would name another host than the one checked.
      if (!target.startsWith('/') || target.startsWith('//'))
        return refuse(response, 400, `the request target ${JSON.stringify(target.slice(0, 100))} is not a path`, isApi)
      try {
        url = new URL(target, `${scheme}://${request.headers.host ?? host}`)
        body = await readBody(request, isControl ? MAX_CONTROL_BYTES : maxRequest)
      } catch (error) {
        if (error instanceof BodyTooLarge)
          return refuse(response, 413, `the request body is larger than ${error.limit} bytes`, isApi)
        return refuse(response, 400, `the request could not be read: ${(error as Error).message}`, isApi)
      }
      if (isControl) {
        const start = performance.now()
        const answer = await control(
          { method: request.method ?? 'GET', url, body },
          {
            mock,
            about,
            console: webConsole,
            reset: async () => {
              mock.reset()
              await mock.ready
            },
          },
        )
        // The console page's own reads are left out: it reads again after every change.
        if (!webConsole.quiet(request))
          log?.(
            formatEntry(
              {
                time: new Date().toISOString(),
                region: '-',
                operation: `${request.method} ${url.pathname}`,
                status: answer.status,
                source: 'control',
                ms: Math.round((performance.now() - start) * 10) / 10,
              },
              format,
            ),
          )
        return sendJson(response, answer.status, answer.body, controlCors(request.headers, policy))
      }
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(request.headers)) if (typeof v === 'string') headers[k] = v
      const answer = await mock.handle({
        method: request.method ?? 'GET',
        url: url.href,
        headers,
        body,
        // Threat protection's source address (IPv4 clients reach a dual-stack socket as ::ffff:a.b.c.d).
        ...(request.socket.remoteAddress !== undefined && {
          sourceIp: request.socket.remoteAddress.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, ''),
        }),
      })
      response.writeHead(answer.status, answer.headers).end(answer.body)
      if (!isApi) webConsole.changed('hosted')
    })().catch((error: unknown) => {
      if (!response.headersSent)
        sendJson(
          response,
          500,
          { __type: 'InternalErrorException', message: `cognito-idp-contract: ${String(error)}` },
          (request.url ?? '').startsWith(CONTROL_PATH)
            ? controlCors(request.headers, policy)
            : { 'access-control-allow-origin': '*' },
        )
    })
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, host, resolve)
    })
  } catch (error) {
    dir?.close()
    throw error
  }
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const contractFile = typeof options.contract === 'object' ? options.contract.file : undefined
  return {
    url: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    mock,
    data: dir?.path,
    controlToken,
    ...(tls && { certificate: tls.cert }),
    notes: dir?.notes ?? [],
    close: () =>
      new Promise((resolve, reject) => {
        webConsole.close()
        server.closeAllConnections?.()
        server.close((error) => {
          dir?.close()
          if (contractFile) {
            try {
              writeContract(contractFile, mock.contractSinceLastTake())
            } catch (failure) {
              reject(failure)
              return
            }
          }
          if (error) reject(error)
          else resolve()
        })
      }),
  }
}
