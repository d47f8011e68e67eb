import {
  CognitoIdentityProviderClient,
  CreateUserImportJobCommand,
  CreateUserPoolCommand,
  DescribeUserImportJobCommand,
  StartUserImportJobCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { cognitoRequestHandler } from '../../../src/adapters/sdk/index.js'
import { createCognitoMock } from '../../../src/core/mock/mock.js'
import { createCognito } from '../../../src/core/simulation/index.js'

describe('a user import in process', () => {
  it("answers the upload to the URL's S3 host through the same handler", async () => {
    let now = Date.UTC(2026, 0, 1)
    const handler = cognitoRequestHandler(
      createCognitoMock({ simulation: createCognito({ seed: 3, clock: () => now }) }),
    )
    const client = new CognitoIdentityProviderClient({
      region: 'eu-west-2',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      requestHandler: handler as never,
      maxAttempts: 1,
    })
    const { UserPool } = await client.send(
      new CreateUserPoolCommand({ PoolName: 'in-process', AutoVerifiedAttributes: ['email'] }),
    )
    const UserPoolId = UserPool!.Id!
    const { UserImportJob } = await client.send(
      new CreateUserImportJobCommand({
        UserPoolId,
        JobName: 'in-process',
        CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/CognitoImportRole',
      }),
    )
    const url = new URL(UserImportJob!.PreSignedUrl!)
    expect(url.host).toBe('aws-cognito-idp-user-import-lhr.s3.eu-west-2.amazonaws.com')
    const columns = [
      'cognito:username',
      'email',
      'email_verified',
      'cognito:mfa_enabled',
      ...[
        'name',
        'given_name',
        'family_name',
        'middle_name',
        'nickname',
        'preferred_username',
        'profile',
        'picture',
        'website',
        'gender',
        'birthdate',
        'zoneinfo',
        'locale',
        'phone_number',
        'phone_number_verified',
        'address',
        'updated_at',
      ],
    ]
    const body = `${columns.join(',')}\nann,ann@example.com,true,false${','.repeat(17)}\n`
    const { response } = await handler.handle({
      method: 'PUT',
      protocol: 'https:',
      hostname: url.hostname,
      path: `${url.pathname}${url.search}`,
      headers: { 'x-amz-server-side-encryption': 'aws:kms' },
      body,
    })
    expect(response.statusCode).toBe(200)
    await client.send(new StartUserImportJobCommand({ UserPoolId, JobId: UserImportJob!.JobId! }))
    now += 2_000
    const done = await client.send(new DescribeUserImportJobCommand({ UserPoolId, JobId: UserImportJob!.JobId! }))
    expect(done.UserImportJob).toMatchObject({ Status: 'Succeeded', ImportedUsers: 1 })
  })
})
