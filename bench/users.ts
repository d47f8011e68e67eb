import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { cognitoHandlers } from 'cognito-idp-contract/msw'
import { createCognito } from 'cognito-idp-contract/simulation'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { compare, figures, perSecondAsync, report } from './measure.js'

const POOL = 'us-east-1_BenchUsers'
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }

/** A full garbage collection (exposed for this process only), so heap figures count what is still held. */
function collect(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

/** Heap bytes the simulation holds per stored user, from 10,000 users made through AdminCreateUser. */
async function memoryPerUser(count = 10_000): Promise<void> {
  const cognito = createCognito()
  await cognito.seed({ userPools: [{ PoolName: 'bench', Id: POOL }] })
  collect()
  const before = process.memoryUsage().heapUsed
  for (let i = 0; i < count; i++) {
    await cognito.send('AdminCreateUser', {
      UserPoolId: POOL,
      Username: `user${i}`,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: `user${i}@example.com` },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: `User ${i}` },
      ],
    })
  }
  collect()
  const after = process.memoryUsage().heapUsed
  // Used after the measurement, so the collector cannot take the simulation while it is measured.
  const held = (await cognito.send('DescribeUserPool', { UserPoolId: POOL })).UserPool?.EstimatedNumberOfUsers
  const bytes = after - before
  figures.push({
    group: 'Simulation memory',
    name: `heap per ${count.toLocaleString('en')} users`,
    value: bytes,
    unit: 'bytes',
  })
  report('Simulation memory (AdminCreateUser, three attributes each, after a full GC)', [
    [`heap held by ${count.toLocaleString('en')} users`, `${(bytes / 1024 / 1024).toFixed(1)} MB`],
    ['per user', `${Math.round(bytes / count).toLocaleString('en')} bytes`],
  ])
  if (held !== count) throw new Error(`bench: expected ${count} users, the pool holds ${held}`)
}

/** SDK calls to simulated user operations through MSW, beside a trivial MSW handler answering the same text. */
async function userOperations(ms = 600): Promise<void> {
  const simulation = createCognito()
  await simulation.seed({
    userPools: [
      {
        PoolName: 'bench',
        Id: POOL,
        Users: Array.from({ length: 50 }, (_, i) => ({
          username: `user${i}`,
          attributes: { email: `u${i}@example.com` },
        })),
      },
    ],
  })
  const client = new CognitoIdentityProviderClient({ region: 'us-east-1', credentials, maxAttempts: 1 })
  const server = setupServer()
  server.listen()
  const ours = cognitoHandlers({ mode: 'simulation', simulation, callHistory: 100 })
  const calls = {
    // biome-ignore lint/correctness/noComponentHookFactories: operation names, not React components.
    AdminGetUser: () => client.send(new AdminGetUserCommand({ UserPoolId: POOL, Username: 'user7' })),
    // biome-ignore lint/correctness/noComponentHookFactories: operation names, not React components.
    ListUsers: () => client.send(new ListUsersCommand({ UserPoolId: POOL, Limit: 10 })),
  }
  for (const [name, call] of Object.entries(calls)) {
    const input = name === 'AdminGetUser' ? { UserPoolId: POOL, Username: 'user7' } : { UserPoolId: POOL, Limit: 10 }
    const text = JSON.stringify(await simulation.send(name as 'AdminGetUser', input as never))
    const trivial = http.post('https://cognito-idp.us-east-1.amazonaws.com/', () =>
      HttpResponse.text(text, { headers: { 'content-type': 'application/x-amz-json-1.1' } }),
    )
    await compare(
      `Simulated user operation through MSW: ${name}`,
      'calls/s',
      [
        {
          name: 'trivial MSW handler, same body',
          run: () => {
            server.resetHandlers(trivial)
            return perSecondAsync(call, ms)
          },
        },
        {
          name: 'ours, simulation',
          run: () => {
            server.resetHandlers(...ours)
            return perSecondAsync(call, ms)
          },
          anchor: 'trivial MSW handler, same body',
        },
      ],
      9,
    )
  }
  server.close()
}

/** The users group: simulated user operations beside a trivial MSW handler, and memory per 10,000 users. */
export async function userRates(): Promise<void> {
  await userOperations()
  await memoryPerUser()
}
