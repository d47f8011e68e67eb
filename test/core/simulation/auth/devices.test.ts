import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_Devices01'
const CLIENT = 'devicesclient0000000000000'
const w = world({
  userPools: [
    {
      PoolName: 'devices',
      Id: POOL,
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: true },
      Clients: [{ ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }],
      Users: [
        { username: 'jane', password: 'Correct-Horse-1' },
        { username: 'sam', password: 'Correct-Horse-1' },
      ],
    },
  ],
})
afterEach(() => w.reset())

const VERIFIER = { PasswordVerifier: Buffer.from('verifier').toString('base64'), Salt: 'c2FsdA==' }

/** Signs a user in and confirms the device the sign-in handed out. */
async function confirmedDevice(username = 'jane', DeviceName = 'Firefox on Linux') {
  const answer = await w.call('InitiateAuth', {
    ClientId: CLIENT,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: 'Correct-Horse-1' },
  })
  const result = answer['AuthenticationResult'] as {
    AccessToken: string
    NewDeviceMetadata: { DeviceKey: string; DeviceGroupKey: string }
  }
  const confirmed = await w.call('ConfirmDevice', {
    AccessToken: result.AccessToken,
    DeviceKey: result.NewDeviceMetadata.DeviceKey,
    DeviceSecretVerifierConfig: VERIFIER,
    DeviceName,
  })
  return { AccessToken: result.AccessToken, DeviceKey: result.NewDeviceMetadata.DeviceKey, confirmed }
}
const statusOf = (device: Record<string, unknown>) =>
  (device['DeviceAttributes'] as Array<{ Name: string; Value: string }>).find(
    (a) => a.Name === 'dev:device_remembered_status',
  )?.Value

describe('devices', () => {
  it('a pool with a device configuration hands out device keys at sign-in', async () => {
    const { DeviceKey, confirmed } = await confirmedDevice()
    expect(DeviceKey).toMatch(/^us-east-1_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(confirmed).toMatchObject({ UserConfirmationNecessary: true })
  })

  it('GetDevice and ListDevices show the device with its name and remembered status', async () => {
    const { AccessToken, DeviceKey } = await confirmedDevice()
    const { Device } = (await w.call('GetDevice', { AccessToken, DeviceKey })) as { Device: Record<string, unknown> }
    expect(Device).toMatchObject({ DeviceKey })
    expect(Device['DeviceAttributes']).toContainEqual({ Name: 'device_name', Value: 'Firefox on Linux' })
    expect(statusOf(Device)).toBe('not_remembered')
    await w.call('UpdateDeviceStatus', { AccessToken, DeviceKey, DeviceRememberedStatus: 'remembered' })
    const { Devices } = (await w.call('ListDevices', { AccessToken })) as { Devices: Array<Record<string, unknown>> }
    expect(Devices).toHaveLength(1)
    expect(statusOf(Devices[0]!)).toBe('remembered')
  })

  it('pages ListDevices with Limit and a token', async () => {
    let last = { AccessToken: '' }
    for (let i = 0; i < 3; i++) last = await confirmedDevice('jane', `device ${i}`)
    const first = await w.call('ListDevices', { AccessToken: last.AccessToken, Limit: 2 })
    expect((first['Devices'] as unknown[]).length).toBe(2)
    const second = await w.call('ListDevices', {
      AccessToken: last.AccessToken,
      Limit: 2,
      PaginationToken: first['PaginationToken'],
    })
    expect((second['Devices'] as unknown[]).length).toBe(1)
    expect(second['PaginationToken']).toBeUndefined()
  })

  it('the Admin forms act on any user, ForgetDevice removes it', async () => {
    const { AccessToken, DeviceKey } = await confirmedDevice()
    await w.call('AdminUpdateDeviceStatus', {
      UserPoolId: POOL,
      Username: 'jane',
      DeviceKey,
      DeviceRememberedStatus: 'remembered',
    })
    const { Device } = (await w.call('AdminGetDevice', { UserPoolId: POOL, Username: 'jane', DeviceKey })) as {
      Device: Record<string, unknown>
    }
    expect(statusOf(Device)).toBe('remembered')
    expect(
      ((await w.call('AdminListDevices', { UserPoolId: POOL, Username: 'jane' }))['Devices'] as unknown[]).length,
    ).toBe(1)
    await w.call('ForgetDevice', { AccessToken, DeviceKey })
    expect(await w.failure('GetDevice', { AccessToken, DeviceKey })).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Device does not exist.',
    })
    const other = await confirmedDevice()
    await w.call('AdminForgetDevice', { UserPoolId: POOL, Username: 'jane', DeviceKey: other.DeviceKey })
    expect((await w.call('AdminListDevices', { UserPoolId: POOL, Username: 'jane' }))['Devices']).toEqual([])
  })

  it("a user cannot see another user's device", async () => {
    const jane = await confirmedDevice('jane')
    const sam = await confirmedDevice('sam')
    expect(await w.failure('GetDevice', { AccessToken: sam.AccessToken, DeviceKey: jane.DeviceKey })).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Device does not exist.',
    })
  })

  it('ConfirmDevice needs a verifier and a salt', async () => {
    const answer = await w.call('InitiateAuth', {
      ClientId: CLIENT,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' },
    })
    const result = answer['AuthenticationResult'] as Record<string, Record<string, string>>
    expect(
      await w.failure('ConfirmDevice', {
        AccessToken: result['AccessToken'],
        DeviceKey: result['NewDeviceMetadata']!['DeviceKey'],
      }),
    ).toMatchObject({ name: 'InvalidParameterException' })
  })
})
