import { createServer, type IncomingMessage, type Server } from 'node:http'
import { type CognitoMock, createCognitoMock } from '../../core/mock/mock.js'
import type { CognitoMockOptions } from '../../core/mock/options.js'

/** Options of the local Cognito endpoint. */
export interface CognitoServerOptions extends CognitoMockOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  readonly port?: number | undefined
  /** Interface to bind; loopback only by default. */
  readonly host?: string | undefined
}

/** A running local Cognito endpoint and the mock behind it. */
export interface RunningCognitoServer {
  /** The endpoint URL, e.g. `http://127.0.0.1:9229/`, for an SDK's `endpoint` or the CLI's `--endpoint-url`. */
  readonly url: string
  readonly mock: CognitoMock
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

/** Serves the same protocol, simulation and generated data over HTTP, for tools outside JavaScript. */
export async function startCognitoServer(options: CognitoServerOptions = {}): Promise<RunningCognitoServer> {
  const mock = createCognitoMock(options)
  const host = options.host ?? '127.0.0.1'
  const server: Server = createServer((request, response) => {
    void (async () => {
      if (request.method === 'OPTIONS') {
        response
          .writeHead(204, {
            'access-control-allow-origin': '*',
            'access-control-allow-methods': 'GET, POST',
            'access-control-allow-headers': '*',
            'access-control-max-age': '86400',
          })
          .end()
        return
      }
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(request.headers)) if (typeof v === 'string') headers[k] = v
      const url = `http://${request.headers.host ?? `${host}`}${request.url ?? '/'}`
      const answer = await mock.handle({ method: request.method ?? 'GET', url, headers, body: await readBody(request) })
      response.writeHead(answer.status, answer.headers).end(answer.body)
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, resolve)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    url: `http://${host}:${port}/`,
    mock,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}
