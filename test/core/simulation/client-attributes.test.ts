import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../support/world.js'

const POOL = 'us-east-1_Clients01'
const w = world({
  userPools: [{ PoolName: 'clients', Id: POOL, Schema: [{ Name: 'plan', AttributeDataType: 'String' }] }],
})
afterEach(() => w.reset())

describe("app clients' attribute lists, checked against the pool's schema", () => {
  it('takes standard and custom attributes the pool has', async () => {
    const { UserPoolClient } = (await w.call('CreateUserPoolClient', {
      UserPoolId: POOL,
      ClientName: 'app',
      ReadAttributes: ['email', 'email_verified', 'custom:plan'],
      WriteAttributes: ['email', 'custom:plan'],
    })) as { UserPoolClient: { ClientId: string; ReadAttributes: string[] } }
    expect(UserPoolClient.ReadAttributes).toEqual(['email', 'email_verified', 'custom:plan'])
  })

  it.each([
    [{ ReadAttributes: ['custom:missing'] }, 'Invalid read attributes specified while creating a client'],
    [{ WriteAttributes: ['email', 'nickname2'] }, 'Invalid write attributes specified while creating a client'],
  ])('refuses %j on CreateUserPoolClient', async (lists, message) => {
    expect(await w.failure('CreateUserPoolClient', { UserPoolId: POOL, ClientName: 'app', ...lists })).toEqual({
      name: 'InvalidParameterException',
      message,
    })
  })

  it.each([
    [{ ReadAttributes: ['custom:missing'] }, 'Invalid read attributes specified while updating a client'],
    [{ WriteAttributes: ['custom:missing'] }, 'Invalid write attributes specified while updating a client'],
  ])('refuses %j on UpdateUserPoolClient', async (lists, message) => {
    const { UserPoolClient } = (await w.call('CreateUserPoolClient', { UserPoolId: POOL, ClientName: 'app' })) as {
      UserPoolClient: { ClientId: string }
    }
    expect(
      await w.failure('UpdateUserPoolClient', { UserPoolId: POOL, ClientId: UserPoolClient.ClientId, ...lists }),
    ).toEqual({ name: 'InvalidParameterException', message })
  })
})
