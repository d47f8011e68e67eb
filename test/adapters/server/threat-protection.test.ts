import {
  AdminListUserAuthEventsCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SetRiskConfigurationCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTROL_PATH, type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'

const POOL = 'us-west-2_Threats02'
const CLIENT = 'threatclient00000000000002'
const PASSWORD = 'Correct-Horse-1'

let server: RunningCognitoServer
let client: CognitoIdentityProviderClient
beforeAll(async () => {
  server = await startCognitoServer({
    fixtures: {
      userPools: [
        {
          Id: POOL,
          PoolName: 'threats',
          UserPoolTier: 'PLUS',
          UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
          Clients: [{ ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }],
          Users: [{ username: 'jane', password: PASSWORD }],
        },
      ],
    },
  })
  client = new CognitoIdentityProviderClient({
    region: 'us-west-2',
    endpoint: server.url,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  })
})
afterAll(() => server.close())

const control = (path: string, body: unknown) =>
  fetch(new URL(`${CONTROL_PATH.slice(1)}${path}`, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const signIn = () =>
  client.send(
    new InitiateAuthCommand({
      ClientId: CLIENT,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'jane', PASSWORD },
    }),
  )
const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error) => ({ name: e.name, message: e.message }),
  )

describe('threat protection through serve', () => {
  it('sees the socket address, and the risk the control route sets', async () => {
    await client.send(
      new SetRiskConfigurationCommand({
        UserPoolId: POOL,
        AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'BLOCK', Notify: false } } },
      }),
    )
    expect((await control('risk', { userPoolId: POOL, ipAddress: '127.0.0.1', level: 'High', times: 1 })).status).toBe(
      204,
    )
    expect(await failureOf(signIn())).toEqual({
      name: 'NotAuthorizedException',
      message: 'Unable to login because of security reasons.',
    })
    expect((await signIn()).AuthenticationResult).toBeDefined()
    const { AuthEvents } = await client.send(new AdminListUserAuthEventsCommand({ UserPoolId: POOL, Username: 'jane' }))
    expect(AuthEvents?.map((e) => [e.EventResponse, e.EventRisk?.RiskDecision, e.EventContextData?.IpAddress])).toEqual(
      [
        ['Pass', 'NoRisk', '127.0.0.1'],
        ['Fail', 'Block', '127.0.0.1'],
      ],
    )
  })

  it("lists every user's auth events through the auth-events route, oldest first, filtered by the query", async () => {
    const all = (await (
      await fetch(new URL(`${CONTROL_PATH.slice(1)}auth-events?userPoolId=${POOL}&username=jane`, server.url))
    ).json()) as Array<{ Username: string; UserPoolId: string; EventType: string; EventResponse: string }>
    expect(all.map((e) => [e.UserPoolId, e.Username, e.EventType, e.EventResponse])).toEqual([
      [POOL, 'jane', 'SignIn', 'Fail'],
      [POOL, 'jane', 'SignIn', 'Pass'],
    ])
    expect(server.mock.authEvents({ response: 'Fail' }).map((e) => e.EventRisk?.RiskDecision)).toEqual(['Block'])
    const none = await fetch(new URL(`${CONTROL_PATH.slice(1)}auth-events?username=nobody`, server.url))
    expect(await none.json()).toEqual([])
  })

  it('refuses a sign-up with a password the control route declared compromised', async () => {
    await client.send(
      new SetRiskConfigurationCommand({
        UserPoolId: POOL,
        CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
      }),
    )
    expect((await control('compromised-passwords', { userPoolId: POOL, passwords: ['Leaked-Pass-1'] })).status).toBe(
      204,
    )
    expect(
      await failureOf(client.send(new SignUpCommand({ ClientId: CLIENT, Username: 'bob', Password: 'Leaked-Pass-1' }))),
    ).toEqual({ name: 'InvalidPasswordException', message: 'Provided password cannot be used for security reasons.' })
  })

  it('answers a malformed setting or an unknown user with a message and a 4xx', async () => {
    const bad = await control('risk', { userPoolId: POOL, username: 'jane', level: 'Severe' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/"level": "Low"\|"Medium"\|"High"\|null/)
    const unknown = await control('risk', { userPoolId: POOL, username: 'nobody', level: 'High' })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({ message: 'User does not exist.', type: 'UserNotFoundException' })
  })
})
