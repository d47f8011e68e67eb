import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operations } from '../../../schemas/operations.js'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { invalidArbitrary } from '../../../src/core/arbitraries/index.js'
import { toSdk } from '../../../src/core/shared/convert.js'
import { createCognito, SIMULATED_OPERATIONS } from '../../../src/core/simulation/index.js'
import { STRICT } from '../../support/msw.js'
import { exceptionClass, sdkClient, send } from '../../support/sdk.js'

const simulation = createCognito({ seed: 5 })
/** Every kind but wrong JSON types, which the SDK's serializer would already reshape before they reach the wire. */
const CONSTRAINTS = [
  'required',
  'maxLength',
  'minLength',
  'pattern',
  'enum',
  'maximum',
  'minimum',
  'maxItems',
  'minItems',
] as const
const { server } = setupCognitoServer({ mode: 'simulation', simulation })
const client = sdkClient()
beforeAll(() => server.listen(STRICT))
afterAll(() => server.close())

describe('concurrency', () => {
  it('500 overlapping creates through the SDK lose nothing and get unique ids', async () => {
    simulation.reset()
    const created = await Promise.all(
      Array.from({ length: 500 }, (_, i) => send(client, 'CreateUserPool', { PoolName: `pool-${i}` })),
    )
    const ids = created.map((r) => (r['UserPool'] as { Id: string }).Id)
    expect(new Set(ids).size).toBe(500)
    const listed: string[] = []
    let token: string | undefined
    do {
      const page = await send(client, 'ListUserPools', { MaxResults: 60, ...(token ? { NextToken: token } : {}) })
      listed.push(...(page['UserPools'] as Array<{ Id: string }>).map((p) => p.Id))
      token = page['NextToken'] as string | undefined
    } while (token)
    expect([...listed].sort()).toEqual([...ids].sort())
  })

  it('500 overlapping sign-ups through the SDK lose nothing, every sub unique', async () => {
    simulation.reset()
    await simulation.seed({
      userPools: [
        {
          PoolName: 'crowd',
          Id: 'us-east-1_Crowd0001',
          Clients: [{ ClientName: 'web', ClientId: 'crowdclient000000000000000' }],
        },
      ],
    })
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        send(client, 'SignUp', {
          ClientId: 'crowdclient000000000000000',
          Username: `user-${i}`,
          Password: 'Correct-Horse-1',
        }),
      ),
    )
    const subs = results.map((r) => r['UserSub'] as string)
    expect(new Set(subs).size).toBe(500)
    const listed: string[] = []
    let token: string | undefined
    do {
      const page = await send(client, 'ListUsers', {
        UserPoolId: 'us-east-1_Crowd0001',
        ...(token ? { PaginationToken: token } : {}),
      })
      listed.push(
        ...(page['Users'] as Array<{ Attributes: Array<{ Name: string; Value: string }> }>).map(
          (u) => u.Attributes.find((a) => a.Name === 'sub')!.Value,
        ),
      )
      token = page['PaginationToken'] as string | undefined
    } while (token)
    expect(listed.sort()).toEqual([...subs].sort())
    expect(
      (await simulation.send('DescribeUserPool', { UserPoolId: 'us-east-1_Crowd0001' })).UserPool!
        .EstimatedNumberOfUsers,
    ).toBe(500)
  })

  it('concurrent creates of providers with the same name: exactly one wins', async () => {
    const { UserPool } = await simulation.send('CreateUserPool', { PoolName: 'race' })
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        send(client, 'CreateIdentityProvider', {
          UserPoolId: UserPool!.Id,
          ProviderName: 'Okta',
          ProviderType: 'OIDC',
          ProviderDetails: {
            client_id: 'c',
            authorize_scopes: 'openid',
            oidc_issuer: 'https://idp.example.com',
            attributes_request_method: 'GET',
          },
        }),
      ),
    )
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1)
    for (const a of attempts)
      if (a.status === 'rejected') expect(a.reason).toBeInstanceOf(exceptionClass('DuplicateProviderException')!)
  })
})

describe('bad input leaves the state as it was', () => {
  it.each(SIMULATED_OPERATIONS)('%s answers the modelled error and changes nothing', async (op) => {
    simulation.reset()
    await simulation.seed({
      userPools: [
        {
          PoolName: 'fixture',
          Id: 'us-east-1_Fixture01',
          IdentityProviders: [
            {
              ProviderName: 'Okta',
              ProviderType: 'OIDC',
              ProviderDetails: {
                client_id: 'c',
                authorize_scopes: 'openid',
                oidc_issuer: 'https://idp.example.com',
                attributes_request_method: 'GET',
              },
              IdpIdentifiers: ['example.com'],
            },
          ],
        },
      ],
    })
    const before = simulation.snapshot()
    for (const bad of fc.sample(
      invalidArbitrary(op, { overrides: { UserPoolIdType: 'us-east-1_Fixture01' }, kinds: CONSTRAINTS }),
      { seed: 8, numRuns: 15 },
    )) {
      const error = await send(client, op, toSdk(operations[op].input, bad.value as never)).then(
        () => undefined,
        (e: Error) => e,
      )
      expect(error, JSON.stringify(bad.violation)).toBeDefined()
      expect(error!.name).toBe(bad.exception)
      if (bad.exception === 'InvalidParameterException') expect(error!.message).toBe(bad.message)
    }
    expect(simulation.snapshot()).toEqual(before)
  })

  it.each([
    [
      'SignUp',
      { ClientId: 'stateclient000000000000000', Username: 'new', Password: 'weak' },
      'InvalidPasswordException',
    ],
    [
      'SignUp',
      { ClientId: 'stateclient000000000000000', Username: 'jane', Password: 'Correct-Horse-1' },
      'UsernameExistsException',
    ],
    [
      'AdminCreateUser',
      { UserPoolId: 'us-east-1_State0001', Username: 'x', UserAttributes: [{ Name: 'custom:nope', Value: '1' }] },
      'InvalidParameterException',
    ],
    [
      'AdminUpdateUserAttributes',
      { UserPoolId: 'us-east-1_State0001', Username: 'jane', UserAttributes: [{ Name: 'email', Value: 'bad' }] },
      'InvalidParameterException',
    ],
    ['CreateGroup', { UserPoolId: 'us-east-1_State0001', GroupName: 'staff' }, 'GroupExistsException'],
    [
      'AdminAddUserToGroup',
      { UserPoolId: 'us-east-1_State0001', Username: 'nobody', GroupName: 'staff' },
      'UserNotFoundException',
    ],
    [
      'AddCustomAttributes',
      {
        UserPoolId: 'us-east-1_State0001',
        CustomAttributes: [{ Name: 'ok', AttributeDataType: 'String' }, { Name: 'bad' }],
      },
      'InvalidParameterException',
    ],
    ['ForgotPassword', { ClientId: 'stateclient000000000000000', Username: 'temp' }, 'NotAuthorizedException'],
    [
      'AdminSetUserPassword',
      { UserPoolId: 'us-east-1_State0001', Username: 'jane', Password: 'weak', Permanent: true },
      'InvalidPasswordException',
    ],
  ] as const)('a refused %s (%s) changes nothing', async (op, input, type) => {
    simulation.reset()
    await simulation.seed({
      userPools: [
        {
          PoolName: 'state',
          Id: 'us-east-1_State0001',
          Clients: [{ ClientName: 'web', ClientId: 'stateclient000000000000000' }],
          Groups: [{ GroupName: 'staff' }],
          Users: [
            { username: 'jane', password: 'Correct-Horse-1', attributes: { email: 'jane@example.com' } },
            { username: 'temp', status: 'FORCE_CHANGE_PASSWORD', password: 'Temporary-Pass-1' },
          ],
        },
      ],
    })
    const before = simulation.snapshot()
    const error = await send(client, op, input).catch((e: Error) => e)
    expect(error).toBeInstanceOf(exceptionClass(type)!)
    expect(simulation.snapshot()).toEqual(before)
  })

  it('a rule the schema cannot express fails without a trace (deletion protection)', async () => {
    simulation.reset()
    const [pool] = await simulation.seed({ userPools: [{ PoolName: 'kept', DeletionProtection: 'ACTIVE' }] })
    const before = simulation.snapshot()
    const error = await send(client, 'DeleteUserPool', { UserPoolId: pool!.Id }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(exceptionClass('InvalidParameterException')!)
    expect((error as Error).message).toBe(
      'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
    )
    expect(simulation.snapshot()).toEqual(before)
  })
})
