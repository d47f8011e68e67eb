import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../support/world.js'

const POOL = 'us-east-1_LogsPlus1'
const ESSENTIALS = 'us-east-1_LogsEss01'
const w = world({
  userPools: [
    { PoolName: 'plus', Id: POOL, UserPoolTier: 'PLUS' },
    { PoolName: 'essentials', Id: ESSENTIALS },
  ],
})
afterEach(() => w.reset())

const LOG_GROUP = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/cognito'
const notifications = {
  EventSource: 'userNotification',
  LogLevel: 'ERROR',
  CloudWatchLogsConfiguration: { LogGroupArn: LOG_GROUP },
}
const authEvents = {
  EventSource: 'userAuthEvents',
  LogLevel: 'INFO',
  FirehoseConfiguration: { StreamArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/cognito' },
}
const set = (LogConfigurations: object[], UserPoolId = POOL) =>
  w.call('SetLogDeliveryConfiguration', { UserPoolId, LogConfigurations })
const failure = (LogConfigurations: object[], UserPoolId = POOL) =>
  w.failure('SetLogDeliveryConfiguration', { UserPoolId, LogConfigurations })

describe('log delivery', () => {
  it('answers an empty list for a pool never configured', async () => {
    expect(await w.call('GetLogDeliveryConfiguration', { UserPoolId: POOL })).toMatchObject({
      LogDeliveryConfiguration: { UserPoolId: POOL, LogConfigurations: [] },
    })
  })

  it('stores both event sources and returns them from Set and Get', async () => {
    const expected = { LogDeliveryConfiguration: { UserPoolId: POOL, LogConfigurations: [notifications, authEvents] } }
    expect(await set([notifications, authEvents])).toMatchObject(expected)
    expect(await w.call('GetLogDeliveryConfiguration', { UserPoolId: POOL })).toMatchObject(expected)
  })

  it('replaces the configuration, and an empty list removes it', async () => {
    await set([notifications, authEvents])
    await set([
      { ...authEvents, FirehoseConfiguration: undefined, S3Configuration: { BucketArn: 'arn:aws:s3:::logs' } },
    ])
    expect((await w.call('GetLogDeliveryConfiguration', { UserPoolId: POOL }))['LogDeliveryConfiguration']).toEqual({
      UserPoolId: POOL,
      LogConfigurations: [
        { EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: 'arn:aws:s3:::logs' } },
      ],
    })
    await set([])
    expect((await w.call('GetLogDeliveryConfiguration', { UserPoolId: POOL }))['LogDeliveryConfiguration']).toEqual({
      UserPoolId: POOL,
      LogConfigurations: [],
    })
  })

  it('refuses user activity logs on a pool without the Plus plan', async () => {
    expect(await failure([authEvents], ESSENTIALS)).toEqual({
      name: 'FeatureUnavailableInTierException',
      message: 'The following feature is not available for the ESSENTIALS pricing tier configured: Log Streaming',
    })
    expect(await set([notifications], ESSENTIALS)).toBeDefined()
  })

  it('refuses the combinations the model rules out', async () => {
    expect(await failure([{ ...notifications, LogLevel: 'INFO' }])).toEqual({
      name: 'InvalidParameterException',
      message: 'The log level of userNotification must be ERROR.',
    })
    expect(await failure([{ ...authEvents, LogLevel: 'ERROR' }])).toEqual({
      name: 'InvalidParameterException',
      message: 'The log level of userAuthEvents must be INFO.',
    })
    expect(
      await failure([
        {
          ...notifications,
          CloudWatchLogsConfiguration: undefined,
          S3Configuration: { BucketArn: 'arn:aws:s3:::logs' },
        },
      ]),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'userNotification logs can only be delivered to CloudWatch Logs.',
    })
    expect(await failure([notifications, notifications])).toEqual({
      name: 'InvalidParameterException',
      message: 'Only one log configuration per event source is allowed: userNotification.',
    })
    expect((await failure([notifications, authEvents, notifications])).name).toBe('InvalidParameterException')
  })

  it('refuses a configuration without a destination, or with two', async () => {
    const message =
      'A log configuration for userAuthEvents needs exactly one of CloudWatchLogsConfiguration, S3Configuration and FirehoseConfiguration.'
    expect(await failure([{ EventSource: 'userAuthEvents', LogLevel: 'INFO' }])).toEqual({
      name: 'InvalidParameterException',
      message,
    })
    expect(await failure([{ ...authEvents, CloudWatchLogsConfiguration: { LogGroupArn: LOG_GROUP } }])).toEqual({
      name: 'InvalidParameterException',
      message,
    })
  })

  it("refuses ARNs of another service, and a log group outside the pool's account", async () => {
    expect(
      await failure([
        { ...notifications, CloudWatchLogsConfiguration: { LogGroupArn: 'arn:aws:sqs:us-east-1:123456789012:queue' } },
      ]),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'arn:aws:sqs:us-east-1:123456789012:queue is not the ARN of a CloudWatch Logs log group.',
    })
    expect(
      await failure([
        {
          ...notifications,
          CloudWatchLogsConfiguration: { LogGroupArn: 'arn:aws:logs:us-east-1:210987654321:log-group:other' },
        },
      ]),
    ).toEqual({
      name: 'InvalidParameterException',
      message:
        "The log group arn:aws:logs:us-east-1:210987654321:log-group:other must be in the user pool's account 123456789012.",
    })
    expect(
      await failure([
        { ...authEvents, FirehoseConfiguration: { StreamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/x' } },
      ]),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'arn:aws:kinesis:us-east-1:123456789012:stream/x is not the ARN of a Firehose stream.',
    })
    expect(
      (await failure([{ ...notifications, CloudWatchLogsConfiguration: { LogGroupArn: 'not an arn' } }])).name,
    ).toBe('InvalidParameterException')
  })

  it('refuses an unknown pool', async () => {
    expect(await w.failure('GetLogDeliveryConfiguration', { UserPoolId: 'us-east-1_Missing00' })).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Missing00 does not exist.',
    })
  })

  it('forgets the configuration with its pool', async () => {
    const rows = () =>
      w.simulation
        .snapshot()
        .partitions.flatMap((p) => (p.tables as Record<string, unknown[] | undefined>)['logDelivery'] ?? [])
    await set([notifications])
    expect(rows()).toHaveLength(1)
    await w.call('DeleteUserPool', { UserPoolId: POOL })
    expect(rows()).toEqual([])
  })
})
