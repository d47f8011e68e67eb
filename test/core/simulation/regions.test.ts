import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ListUserPoolsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { startCognitoServer } from '../../../src/adapters/server/index.js'
import { createCognito } from '../../../src/core/simulation/index.js'
import { STRICT } from '../../support/msw.js'

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }
const regional = (region: string, endpoint?: string, accessKeyId = credentials.accessKeyId) =>
  new CognitoIdentityProviderClient({
    region,
    credentials: { ...credentials, accessKeyId },
    maxAttempts: 1,
    ...(endpoint && { endpoint }),
  })

describe('regions and accounts are kept apart', () => {
  const { server, cognito } = setupCognitoServer({ mode: 'simulation' })
  beforeAll(() => server.listen(STRICT))
  afterAll(() => server.close())

  it("a pool created through one region's endpoint is not found, listed or described through another's", async () => {
    const { UserPool } = await regional('eu-west-1').send(new CreateUserPoolCommand({ PoolName: 'european' }))
    expect(UserPool!.Id).toMatch(/^eu-west-1_/)
    expect(UserPool!.Arn).toBe(`arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${UserPool!.Id}`)
    const east = regional('us-east-1')
    const error = await east.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! })).catch((e: Error) => e)
    expect(error).toBeInstanceOf(ResourceNotFoundException)
    expect((error as Error).message).toBe(`User pool ${UserPool!.Id} does not exist.`)
    expect((await east.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools).toEqual([])
    expect(
      (await regional('eu-west-1').send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools!.map((p) => p.Name),
    ).toEqual(['european'])
    expect(cognito.simulation.snapshot().partitions.map((p) => `${p.account}/${p.region}`)).toEqual([
      '123456789012/eu-west-1',
    ])
  })

  it('an access key id of twelve digits is an account of its own', async () => {
    const { UserPool } = await regional('ap-south-1', undefined, '111122223333').send(
      new CreateUserPoolCommand({ PoolName: 'other-account' }),
    )
    expect(UserPool!.Arn).toBe(`arn:aws:cognito-idp:ap-south-1:111122223333:userpool/${UserPool!.Id}`)
    await expect(
      regional('ap-south-1').send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException)
  })
})

describe('a local endpoint takes the region from the SigV4 credential scope', () => {
  it('the SDK signing for eu-west-1 against a loopback URL creates and finds pools in eu-west-1 only', async () => {
    const local = await startCognitoServer({ mode: 'simulation' })
    try {
      const { UserPool } = await regional('eu-west-1', local.url).send(new CreateUserPoolCommand({ PoolName: 'local' }))
      expect(UserPool!.Id).toMatch(/^eu-west-1_/)
      expect(
        (await regional('eu-west-1', local.url).send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! })))
          .UserPool!.Name,
      ).toBe('local')
      await expect(
        regional('us-east-1', local.url).send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! })),
      ).rejects.toBeInstanceOf(ResourceNotFoundException)
    } finally {
      await local.close()
    }
  })

  it('an unsigned local call finds the pool its id names; a direct send uses the configured region', async () => {
    const cognito = createCognito({ region: 'ca-central-1' })
    const { UserPool } = await cognito.send('CreateUserPool', { PoolName: 'default-region' })
    expect(UserPool!.Id).toMatch(/^ca-central-1_/)
    expect((await cognito.send('DescribeUserPool', { UserPoolId: UserPool!.Id! })).UserPool!.Name).toBe(
      'default-region',
    )
    expect((await cognito.send('ListUserPools', { MaxResults: 10 }, { region: 'us-east-1' })).UserPools).toEqual([])
  })
})
