import { CognitoIdentityProviderClient, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider'
import { setupServer } from 'msw/node'
import { cognitoHandlers } from '../src/adapters/msw/index.js'
import { cognitoRequestHandler } from '../src/adapters/sdk/index.js'
import { report } from './measure.js'

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }

async function rate(client: CognitoIdentityProviderClient, poolIds: readonly string[], ms = 2000): Promise<number> {
  for (let i = 0; i < 50; i++)
    await client.send(new DescribeUserPoolCommand({ UserPoolId: poolIds[i % poolIds.length]! }))
  let calls = 0
  const start = performance.now()
  while (performance.now() - start < ms) {
    await client.send(new DescribeUserPoolCommand({ UserPoolId: poolIds[calls % poolIds.length]! }))
    calls++
  }
  return Math.round((calls * 1000) / (performance.now() - start))
}

/** SDK round trips per second, DescribeUserPool in generated mode: through MSW, and in process. */
export async function sdkRoundTrips(): Promise<void> {
  const ids = Array.from({ length: 64 }, (_, i) => `us-east-1_Bench${String(i).padStart(4, '0')}`)
  const server = setupServer(...cognitoHandlers({ mode: 'generated', seed: 1 }))
  server.listen()
  const viaMsw = await rate(
    new CognitoIdentityProviderClient({ region: 'us-east-1', credentials, maxAttempts: 1 }),
    ids,
  )
  server.close()
  const direct = cognitoRequestHandler({ mode: 'generated', seed: 1 })
  const inProcess = await rate(
    new CognitoIdentityProviderClient({
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
      requestHandler: direct as never,
    }),
    ids,
  )
  const simulated = cognitoRequestHandler({ mode: 'simulation' })
  const pool = (await simulated.simulation.send('CreateUserPool', { PoolName: 'bench' })).UserPool!.Id!
  const simulation = await rate(
    new CognitoIdentityProviderClient({
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
      requestHandler: simulated as never,
    }),
    [pool],
  )
  report('SDK round trips (DescribeUserPool, one at a time)', [
    ['generated, through MSW (msw/node)', `${viaMsw.toLocaleString('en')} calls/s`],
    ['generated, in-process SDK handler', `${inProcess.toLocaleString('en')} calls/s`],
    ['simulation, in-process SDK handler', `${simulation.toLocaleString('en')} calls/s`],
  ])
}
