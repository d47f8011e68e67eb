import { CognitoIdentityProviderClient, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider'
import { mockClient } from 'aws-sdk-client-mock'
import { responseArbitrary } from 'cognito-idp-contract/arbitraries'
import { cognitoHandlers } from 'cognito-idp-contract/msw'
import { cognitoRequestHandler } from 'cognito-idp-contract/sdk'
import { createCognito } from 'cognito-idp-contract/simulation'
import fc from 'fast-check'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { compare, perSecondAsync } from './measure.js'

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }
const encoder = new TextEncoder()

/** A fixed DescribeUserPool answer of the size ours gives (all members present), as a hand-written stub would return it. */
const FIXED = JSON.stringify(
  fc.sample(responseArbitrary('DescribeUserPool', { presence: 'full' }), { seed: 1, numRuns: 1 })[0],
)

/** A bare SDK requestHandler returning a fixed body: the least an in-process stub can do. */
const bareHandler = (body: string) => ({
  metadata: { handlerProtocol: 'http/1.1' },
  handle: async () => ({
    response: {
      statusCode: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: encoder.encode(body),
    },
  }),
  updateHttpClientConfig: () => undefined,
  httpHandlerConfigs: () => ({}),
  destroy: () => undefined,
})

/** A trivial MSW handler returning a fixed body. */
const trivialHandler = (body: string) =>
  http.post('https://cognito-idp.us-east-1.amazonaws.com/', () =>
    HttpResponse.text(body, { headers: { 'content-type': 'application/x-amz-json-1.1' } }),
  )

const client = (requestHandler?: unknown) =>
  new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
    ...(requestHandler !== undefined && { requestHandler: requestHandler as never }),
  })

/**
 * SDK round trips per second, DescribeUserPool one at a time, for each mode: through MSW (ours beside a trivial MSW
 * handler returning the same text) and in process (ours beside a bare requestHandler returning the same text, beside
 * aws-sdk-client-mock resolving the same output without any wire, and beside our own MSW path).
 */
export async function sdkRoundTrips(ms = 350, rounds = 9): Promise<void> {
  const simulation = createCognito()
  const pool = (await simulation.send('CreateUserPool', { PoolName: 'bench' })).UserPool!.Id!
  // Each anchor answers with the same text ours gives, so both sides pay the SDK the same to read it.
  const SIMULATED = JSON.stringify(await simulation.send('DescribeUserPool', { UserPoolId: pool }))
  const ids = Array.from({ length: 16 }, (_, i) => `us-east-1_Bench${String(i).padStart(4, '0')}`)
  const server = setupServer()
  server.listen()
  const overMsw = client()
  let n = 0
  const describe = (c: CognitoIdentityProviderClient, list: readonly string[]) => () =>
    c.send(new DescribeUserPoolCommand({ UserPoolId: list[n++ % list.length]! }))
  const through = (handlers: Parameters<typeof server.resetHandlers>, list: readonly string[]) => () => {
    server.resetHandlers(...handlers)
    return perSecondAsync(describe(overMsw, list), ms)
  }
  // A short call history, as a suite that resets between tests holds: thousands of kept calls would make the
  // collector's work (charged to every candidate in this process) the thing measured.
  const modes = [
    { mode: 'generated', body: FIXED, list: ids, options: { mode: 'generated', seed: 1, callHistory: 100 } },
    {
      mode: 'simulation',
      body: SIMULATED,
      list: [pool],
      options: { mode: 'simulation', simulation, callHistory: 100 },
    },
  ] as const
  for (const { mode, body, list, options } of modes) {
    const mocked = client()
    mockClient(mocked)
      .on(DescribeUserPoolCommand)
      .resolves(JSON.parse(body) as never)
    const bare = client(bareHandler(body))
    const inProcess = client(cognitoRequestHandler(options))
    const msw = cognitoHandlers(options)
    await compare(
      `SDK, DescribeUserPool, ${mode}`,
      'calls/s',
      [
        { name: 'trivial MSW handler, same body', run: through([trivialHandler(body)], list) },
        { name: 'ours through MSW', run: through([...msw], list), anchor: 'trivial MSW handler, same body' },
        // Its ratio to our MSW path is the most any in-process handler could reach over it (the SDK's own work).
        {
          name: 'bare requestHandler, same body',
          run: () => perSecondAsync(describe(bare, list), ms),
          anchor: 'ours through MSW',
        },
        { name: 'aws-sdk-client-mock, same output', run: () => perSecondAsync(describe(mocked, list), ms) },
        {
          name: 'ours in process (requestHandler)',
          run: () => perSecondAsync(describe(inProcess, list), ms),
          anchor: ['bare requestHandler, same body', 'ours through MSW', 'aws-sdk-client-mock, same output'],
        },
      ],
      rounds,
    )
  }
  server.close()
}
