import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCognito } from '../../../src/core/simulation/index.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('a running import with no one asking about it', () => {
  it('imports its users as the timers and the clock move on (fake timers)', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 5, 1), toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const cognito = createCognito({ seed: 5 })
    const UserPoolId = 'us-east-1_Driven001'
    await cognito.seed({ userPools: [{ PoolName: 'driven', Id: UserPoolId, AutoVerifiedAttributes: ['email'] }] })
    const { CSVHeader } = await cognito.send('GetCSVHeader', { UserPoolId })
    const row = (name: string) =>
      CSVHeader!
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
    const { UserImportJob } = await cognito.send('CreateUserImportJob', {
      UserPoolId,
      JobName: 'driven',
      CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/CognitoImportRole',
    })
    await cognito.hosted({
      method: 'PUT',
      url: UserImportJob!.PreSignedUrl!,
      headers: { 'x-amz-server-side-encryption': 'aws:kms' },
      body: [CSVHeader!.join(','), row('early'), row('late')].join('\n'),
    })
    await cognito.send('StartUserImportJob', { UserPoolId, JobId: UserImportJob!.JobId! })
    const exists = () =>
      cognito.send('AdminGetUser', { UserPoolId, Username: 'late' }).then(
        (u) => u.UserStatus,
        (e: Error) => e.name,
      )
    await vi.advanceTimersByTimeAsync(500)
    expect(await exists()).toBe('UserNotFoundException')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await exists()).toBe('RESET_REQUIRED')
  })
})
