import { CognitoIdentityProviderClient, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider'
import fc from 'fast-check'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { cognitoHandlers } from '../src/adapters/msw/index.js'
import { cognitoRequestHandler } from '../src/adapters/sdk/index.js'
import { responseArbitrary } from '../src/core/arbitraries/index.js'
import { createCognito } from '../src/core/simulation/index.js'
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
 * SDK round trips per second, DescribeUserPool one at a time: through MSW (ours generated and simulated beside a
 * trivial MSW handler returning a fixed body) and in process (ours beside a bare requestHandler).
 */
export async function sdkRoundTrips(ms = 600): Promise<void> {
  const simulation = createCognito()
  const pool = (await simulation.send('CreateUserPool', { PoolName: 'bench' })).UserPool!.Id!
  // Each anchor answers with the same text ours gives, so both sides pay the SDK the same to read it.
  const SIMULATED = JSON.stringify(await simulation.send('DescribeUserPool', { UserPoolId: pool }))
  const ids = Array.from({ length: 16 }, (_, i) => `us-east-1_Bench${String(i).padStart(4, '0')}`)
  const generated = cognitoHandlers({ mode: 'generated', seed: 1 })
  const simulated = cognitoHandlers({ mode: 'simulation', simulation })
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
  await compare('SDK through MSW (msw/node), DescribeUserPool', 'calls/s', [
    { name: 'trivial MSW handler, generated-size body', run: through([trivialHandler(FIXED)], ids) },
    { name: 'ours, generated', run: through([...generated], ids), anchor: 'trivial MSW handler, generated-size body' },
    { name: 'trivial MSW handler, simulated body', run: through([trivialHandler(SIMULATED)], [pool]) },
    { name: 'ours, simulation', run: through([...simulated], [pool]), anchor: 'trivial MSW handler, simulated body' },
  ])
  server.close()
  const bare = client(bareHandler(FIXED))
  const bareSimulated = client(bareHandler(SIMULATED))
  const inGenerated = client(cognitoRequestHandler({ mode: 'generated', seed: 1 }))
  const inSimulated = client(cognitoRequestHandler({ mode: 'simulation', simulation }))
  await compare('SDK in process (requestHandler), DescribeUserPool', 'calls/s', [
    { name: 'bare requestHandler, generated-size body', run: () => perSecondAsync(describe(bare, ids), ms) },
    { name: 'bare requestHandler, simulated body', run: () => perSecondAsync(describe(bareSimulated, [pool]), ms) },
    {
      name: 'ours, generated',
      run: () => perSecondAsync(describe(inGenerated, ids), ms),
      anchor: 'bare requestHandler, generated-size body',
    },
    {
      name: 'ours, simulation',
      run: () => perSecondAsync(describe(inSimulated, [pool]), ms),
      anchor: 'bare requestHandler, simulated body',
    },
  ])
}
