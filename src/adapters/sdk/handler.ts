import { type CognitoMock, createCognitoMock } from '../../core/mock/mock.js'
import type { CognitoMockOptions } from '../../core/mock/options.js'

/** The parts of the AWS SDK's HttpRequest this handler reads. */
interface SdkHttpRequest {
  readonly method: string
  readonly protocol: string
  readonly hostname: string
  readonly port?: number | undefined
  readonly path: string
  readonly headers: Record<string, string>
  readonly body?: unknown | undefined
}

/** An AWS SDK v3 request handler that answers in process, without HTTP or MSW, and the mock's controls. */
export interface CognitoRequestHandler extends Omit<CognitoMock, 'handle'> {
  /** The mock behind the handler (its `handle` speaks plain HTTP terms). */
  readonly mock: CognitoMock
  readonly metadata: { readonly handlerProtocol: string }
  handle(
    request: SdkHttpRequest,
  ): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Uint8Array } }>
  updateHttpClientConfig(): void
  httpHandlerConfigs(): Record<string, never>
  destroy(): void
}

const decoder = new TextDecoder()
const encoder = new TextEncoder()

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return ''
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return decoder.decode(body)
  throw new TypeError('cognito-idp-contract: streaming request bodies are not supported by the in-process handler')
}

/**
 * A `requestHandler` for `CognitoIdentityProviderClient`: the same protocol, simulation and generated data
 * as the MSW handlers, called directly (the fastest way to serve the SDK in Node tests).
 */
export function cognitoRequestHandler(options: CognitoMockOptions | CognitoMock = {}): CognitoRequestHandler {
  const mock =
    'handle' in options && typeof options.handle === 'function'
      ? options
      : createCognitoMock(options as CognitoMockOptions)
  return {
    mock,
    simulation: mock.simulation,
    calls: mock.calls,
    unhandled: mock.unhandled,
    respond: mock.respond,
    fail: mock.fail,
    reset: mock.reset,
    messages: mock.messages,
    lastCode: mock.lastCode,
    invocations: mock.invocations,
    authEvents: mock.authEvents,
    contract: mock.contract,
    contractSinceLastTake: mock.contractSinceLastTake,
    get ready() {
      return mock.ready
    },
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: SdkHttpRequest) {
      const port = request.port ? `:${request.port}` : ''
      const url = `${request.protocol}//${request.hostname}${port}${request.path}`
      const response = await mock.handle({
        method: request.method,
        url,
        headers: request.headers,
        body: bodyText(request.body),
      })
      return {
        response: {
          statusCode: response.status,
          // The mock's answer is made for this call alone: its headers are handed on, not copied.
          headers: response.headers as Record<string, string>,
          body: encoder.encode(response.body),
        },
      }
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    destroy: () => undefined,
  }
}
