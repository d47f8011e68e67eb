import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  InvalidParameterException,
  ListUsersCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { cognitoRequestHandler } from '../../../src/adapters/sdk/index.js'

const clientWith = (handler: ReturnType<typeof cognitoRequestHandler>) =>
  new CognitoIdentityProviderClient({
    region: 'ap-southeast-2',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    requestHandler: handler as never,
    maxAttempts: 1,
  })

describe('the in-process request handler for the AWS SDK', () => {
  it("serves the simulation, generated data and Cognito's errors without HTTP", async () => {
    const handler = cognitoRequestHandler({ seed: 2 })
    const client = clientWith(handler)
    const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'in-process' }))
    expect(UserPool!.Id).toMatch(/^ap-southeast-2_[A-Za-z0-9]{9}$/)
    expect((await client.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! }))).UserPool!.Name).toBe(
      'in-process',
    )
    await expect(
      client.send(new DescribeUserPoolCommand({ UserPoolId: 'ap-southeast-2_Missing1' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException)
    await expect(client.send(new DescribeUserPoolCommand({ UserPoolId: 'bad id' }))).rejects.toBeInstanceOf(
      InvalidParameterException,
    )
    const users = await client.send(new ListUsersCommand({ UserPoolId: UserPool!.Id! }))
    expect(Array.isArray(users.Users ?? [])).toBe(true)
    expect(handler.calls().map((c) => c.operation)).toEqual([
      'CreateUserPool',
      'DescribeUserPool',
      'DescribeUserPool',
      'DescribeUserPool',
      'ListUsers',
    ])
  })
})
