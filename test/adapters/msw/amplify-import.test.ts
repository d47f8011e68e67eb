import { Amplify } from 'aws-amplify'
import { confirmResetPassword, resetPassword, signIn, signOut } from 'aws-amplify/auth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { STRICT } from '../../support/msw.js'
import { sdkClient, send } from '../../support/sdk.js'

const userPoolId = 'us-east-1_ImpAmp001'
const userPoolClientId = '1import23456789abcdefghij'
const { server, cognito } = setupCognitoServer({
  seed: 7,
  fixtures: {
    userPools: [
      {
        PoolName: 'imported',
        Id: userPoolId,
        AutoVerifiedAttributes: ['email'],
        Clients: [{ ClientName: 'web', ClientId: userPoolClientId }],
      },
    ],
  },
})
const client = sdkClient()
beforeAll(() => {
  server.listen(STRICT)
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId } } })
})
afterAll(() => server.close())

type Job = { JobId: string; PreSignedUrl: string; Status: string; ImportedUsers: number }

describe('a user import through MSW: the S3 upload answered by the handlers, then Amplify v6', () => {
  it('imports users from a file PUT to the pre-signed URL, and one of them resets the password and signs in', async () => {
    const header = (await send(client, 'GetCSVHeader', { UserPoolId: userPoolId })).CSVHeader as string[]
    const row = (name: string) =>
      header
        .map((c) =>
          c === 'cognito:username'
            ? name
            : c === 'email'
              ? `${name}@example.com`
              : c === 'email_verified'
                ? 'true'
                : c === 'cognito:mfa_enabled'
                  ? 'false'
                  : '',
        )
        .join(',')
    const text = [header.join(','), row('ann'), row('bob')].join('\n')
    const created = (
      await send(client, 'CreateUserImportJob', {
        UserPoolId: userPoolId,
        JobName: 'msw',
        CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/CognitoImportRole',
      })
    ).UserImportJob as Job
    expect(new URL(created.PreSignedUrl).host).toBe('aws-cognito-idp-user-import-iad.s3.us-east-1.amazonaws.com')
    const refused = await fetch(created.PreSignedUrl, { method: 'PUT', body: text })
    expect(refused.status).toBe(403)
    const uploaded = await fetch(created.PreSignedUrl, {
      method: 'PUT',
      headers: { 'x-amz-server-side-encryption': 'aws:kms' },
      body: text,
    })
    expect(uploaded.status).toBe(200)
    await send(client, 'StartUserImportJob', { UserPoolId: userPoolId, JobId: created.JobId })
    let job = created
    do {
      await new Promise((resolve) => setTimeout(resolve, 100))
      job = (await send(client, 'DescribeUserImportJob', { UserPoolId: userPoolId, JobId: created.JobId }))
        .UserImportJob as Job
    } while (job.Status !== 'Succeeded' && job.Status !== 'Failed')
    expect(job).toMatchObject({ Status: 'Succeeded', ImportedUsers: 2 })

    const first = await signIn({ username: 'bob', password: 'Anything-1' })
    expect(first.nextStep.signInStep).toBe('RESET_PASSWORD')
    await resetPassword({ username: 'bob' })
    const code = cognito.lastCode({ destination: 'bob@example.com' })!
    await confirmResetPassword({ username: 'bob', confirmationCode: code, newPassword: 'Imported-Pass-1' })
    expect(await signIn({ username: 'bob', password: 'Imported-Pass-1' })).toMatchObject({ isSignedIn: true })
    await signOut()
  })
})
