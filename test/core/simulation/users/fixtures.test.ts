import { describe, expect, it } from 'vitest'
import { cognitoHandlers } from '../../../../src/adapters/msw/index.js'
import { createCognito } from '../../../../src/core/simulation/index.js'

describe('fixtures', () => {
  it('seed a confirmed user in one line, verified addresses and groups included', async () => {
    const cognito = createCognito()
    await cognito.seed({ userPools: [{ PoolName: 'app', Id: 'eu-west-1_Fixture01' }] })
    await cognito.seed({
      users: [
        {
          userPoolId: 'eu-west-1_Fixture01',
          username: 'jane',
          password: 'Correct-Horse-1',
          attributes: { email: 'jane@example.com' },
          groups: ['admins'],
        },
      ],
    })
    const user = await cognito.send('AdminGetUser', { UserPoolId: 'eu-west-1_Fixture01', Username: 'jane' })
    expect(user).toMatchObject({ UserStatus: 'CONFIRMED', Enabled: true })
    expect(user.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' })
    const groups = await cognito.send('AdminListGroupsForUser', { UserPoolId: 'eu-west-1_Fixture01', Username: 'jane' })
    expect(groups.Groups!.map((g) => g.GroupName)).toEqual(['admins'])
  })

  it('take users for the only pool they seed, a fixed client id, and any status', async () => {
    const cognito = createCognito()
    const [pool] = await cognito.seed({
      userPools: [
        {
          PoolName: 'app',
          Clients: [{ ClientName: 'web', ClientId: 'fixedclientid0000000000000' }],
          Groups: [{ GroupName: 'staff', Precedence: 1 }],
        },
      ],
      users: [
        { username: 'new', status: 'UNCONFIRMED', password: 'Correct-Horse-1' },
        { username: 'off', password: 'Correct-Horse-1', enabled: false, groups: ['staff'] },
      ],
    })
    expect(
      (await cognito.send('DescribeUserPoolClient', { UserPoolId: pool!.Id!, ClientId: 'fixedclientid0000000000000' }))
        .UserPoolClient!.ClientName,
    ).toBe('web')
    const users = await cognito.send('ListUsers', { UserPoolId: pool!.Id! })
    expect(users.Users!.map((u) => [u.Username, u.UserStatus, u.Enabled])).toEqual([
      ['new', 'UNCONFIRMED', true],
      ['off', 'CONFIRMED', false],
    ])
    expect(pool!.EstimatedNumberOfUsers).toBe(2)
  })

  it("set the pool's MFA and a user's authenticator, so a test can sign in with codes it computes", async () => {
    const cognito = createCognito()
    const fixtures = {
      userPools: [
        {
          PoolName: 'mfa',
          Id: 'eu-west-1_Fixture02',
          MfaConfig: { MfaConfiguration: 'OPTIONAL' as const, SoftwareTokenMfaConfiguration: { Enabled: true } },
          Users: [
            { username: 'jane', password: 'Correct-Horse-1', mfa: { totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' } },
          ],
        },
      ],
    }
    await cognito.seed(fixtures)
    expect(await cognito.send('GetUserPoolMfaConfig', { UserPoolId: 'eu-west-1_Fixture02' })).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    })
    expect(await cognito.send('AdminGetUser', { UserPoolId: 'eu-west-1_Fixture02', Username: 'jane' })).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
    })
    await expect(
      cognito.seed({
        users: [
          {
            userPoolId: 'eu-west-1_Fixture02',
            username: 'bad',
            password: 'Correct-Horse-1',
            mfa: { totpSecret: '0123' },
          },
        ],
      }),
    ).rejects.toThrow('fixture: user bad has a totpSecret that is not base32 of 16 or more characters')
    await expect(
      cognito.seed({
        users: [
          { userPoolId: 'eu-west-1_Fixture02', username: 'sms', password: 'Correct-Horse-1', mfa: { sms: true } },
        ],
      }),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' })
  })

  it('are all or nothing, and say what is wrong', async () => {
    const cognito = createCognito()
    const before = cognito.snapshot()
    await expect(
      cognito.seed({
        userPools: [{ PoolName: 'a' }, { PoolName: 'b' }],
        users: [{ username: 'x', password: 'Correct-Horse-1' }],
      }),
    ).rejects.toThrow('fixture: user x names no userPoolId, and the fixtures do not seed exactly one pool')
    await expect(
      cognito.seed({ userPools: [{ PoolName: 'a', Users: [{ username: 'x', password: 'weak' }] }] }),
    ).rejects.toThrow('fixture: Password does not conform to policy: Password not long enough')
    expect(cognito.snapshot()).toEqual(before)
  })

  it('given to the handlers, are there before the first call and again after reset()', async () => {
    const handlers = cognitoHandlers({
      fixtures: {
        userPools: [
          { PoolName: 'app', Id: 'us-east-1_Handlers1', Users: [{ username: 'jane', password: 'Correct-Horse-1' }] },
        ],
      },
    })
    await handlers.ready
    expect(
      (await handlers.simulation.send('AdminGetUser', { UserPoolId: 'us-east-1_Handlers1', Username: 'jane' }))
        .UserStatus,
    ).toBe('CONFIRMED')
    await handlers.simulation.send('AdminDeleteUser', { UserPoolId: 'us-east-1_Handlers1', Username: 'jane' })
    handlers.reset()
    await handlers.ready
    expect(
      (await handlers.simulation.send('AdminGetUser', { UserPoolId: 'us-east-1_Handlers1', Username: 'jane' }))
        .Username,
    ).toBe('jane')
  })
})
