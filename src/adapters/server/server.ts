import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { writeContract } from '../../core/contract/file.js'
import { type CognitoMock, createCognitoMock } from '../../core/mock/mock.js'
import type { CognitoMockOptions } from '../../core/mock/options.js'
import { type Cognito, createCognito } from '../../core/simulation/index.js'
import { CONTROL_PATH, control } from './control.js'
import { preflight } from './cors.js'
import { type DataDir, openDataDir } from './data-dir.js'
import { entryOf, formatEntry, type LogFormat } from './request-log.js'

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
}

/** A running local Cognito endpoint and the mock behind it. */
export interface RunningCognitoServer {
  /** The endpoint URL, e.g. `http://127.0.0.1:9229/`, for an SDK's `endpoint` or the CLI's `--endpoint-url`. */
  readonly url: string
  readonly mock: CognitoMock
  /** The data directory that keeps the state, if one was given. */
  readonly data: string | undefined
  /** Stops listening, and lets go of the data directory. */
  close(): Promise<void>
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/json' }
  if (status === 204 || body === undefined) response.writeHead(status, headers).end()
  else response.writeHead(status, headers).end(JSON.stringify(body))
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
      ...(dir && { journal: dir.journal }),
    })
    if (dir) {
      dir.attach(simulation)
      loaded = simulation.snapshot().partitions.length > 0
    }
  } catch (error) {
    dir?.close()
    throw error
  }
  const format = options.requestLogFormat ?? 'text'
  const log = options.requestLog
  const mock = createCognitoMock({
    ...options,
    simulation,
    seeded: loaded,
    onCall: (call) => {
      options.onCall?.(call)
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
  const server: Server = createServer((request, response) => {
    void (async () => {
      if (request.method === 'OPTIONS') return preflight(request, response)
      const url = new URL(request.url ?? '/', `http://${request.headers.host ?? host}`)
      const body = await readBody(request)
      if (url.pathname.startsWith(CONTROL_PATH)) {
        const start = performance.now()
        const answer = await control(
          { method: request.method ?? 'GET', url, body },
          {
            mock,
            about,
            reset: async () => {
              mock.reset()
              await mock.ready
            },
          },
        )
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
        return sendJson(response, answer.status, answer.body)
      }
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(request.headers)) if (typeof v === 'string') headers[k] = v
      const answer = await mock.handle({ method: request.method ?? 'GET', url: url.href, headers, body })
      response.writeHead(answer.status, answer.headers).end(answer.body)
    })().catch((error: unknown) => {
      if (!response.headersSent)
        sendJson(response, 500, { __type: 'InternalErrorException', message: `cognito-idp-contract: ${String(error)}` })
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
    url: `http://${host}:${port}/`,
    mock,
    data: dir?.path,
    close: () =>
      new Promise((resolve, reject) => {
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
