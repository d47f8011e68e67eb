import type { LogConfigurationType, LogDeliveryConfigurationType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter } from '../errors.js'
import { onTier, tierOf } from './feature-plans.js'
import type { PoolRow } from './user-pools.js'

/** A pool's log delivery: where its message-delivery errors and user-activity events are exported. */
export interface LogDeliveryRow {
  readonly poolId: string
  readonly configurations: readonly LogConfigurationType[]
}

/** Log delivery configurations, one per pool, going with their pool. */
export const logDeliveryTable = table<LogDeliveryRow>({
  key: (row) => row.poolId,
  parent: { table: 'pools', key: (row) => row.poolId },
})

/** The configuration as SetLogDeliveryConfiguration and GetLogDeliveryConfiguration return it. */
export function describeLogDelivery(cx: Can<never>, poolId: string): LogDeliveryConfigurationType {
  // Chosen without evidence: a pool never configured answers an empty list (the list's minimum is 0, and setting it
  // empty is how a configuration is removed).
  const row = cx.tables.logDelivery.get(poolId)
  return { UserPoolId: poolId, LogConfigurations: structuredClone([...(row?.configurations ?? [])]) }
}

/** An ARN's service, region and account, and the resource after them. */
function arnParts(arn: string): { service: string; region: string; account: string; resource: string } | undefined {
  const m = /^arn:[^:]+:([^:]+):([^:]*):([^:]*):(.+)$/.exec(arn)
  return m ? { service: m[1]!, region: m[2]!, account: m[3]!, resource: m[4]! } : undefined
}

/**
 * The destination of one configuration, checked: exactly one destination, an ARN of the service it names. The model
 * checks each ARN's shape; seen in the model: the log group "must be in the same Amazon Web Services account as your
 * user pool". Chosen without evidence: every message, and that each configuration names exactly one destination (the
 * model's wording: "choose ... with one of").
 */
function checkDestination(cx: Can<'InvalidParameterException'>, config: LogConfigurationType): void {
  const given = [
    config.CloudWatchLogsConfiguration && 'CloudWatchLogsConfiguration',
    config.S3Configuration && 'S3Configuration',
    config.FirehoseConfiguration && 'FirehoseConfiguration',
  ].filter((d): d is string => typeof d === 'string')
  if (given.length !== 1)
    throw invalidParameter(
      cx,
      `A log configuration for ${config.EventSource} needs exactly one of CloudWatchLogsConfiguration, S3Configuration and FirehoseConfiguration.`,
    )
  const check = (arn: string | undefined, service: string, resource: RegExp, what: string, sameAccount: boolean) => {
    const parts = arn === undefined ? undefined : arnParts(arn)
    if (!parts || parts.service !== service || !resource.test(parts.resource))
      throw invalidParameter(cx, `${arn ?? 'A missing ARN'} is not the ARN of ${what}.`)
    if (sameAccount && parts.account !== cx.account)
      throw invalidParameter(cx, `The log group ${arn} must be in the user pool's account ${cx.account}.`)
  }
  if (config.CloudWatchLogsConfiguration)
    check(
      config.CloudWatchLogsConfiguration.LogGroupArn,
      'logs',
      /^log-group:[^:]+$/,
      'a CloudWatch Logs log group',
      true,
    )
  if (config.FirehoseConfiguration)
    check(config.FirehoseConfiguration.StreamArn, 'firehose', /^deliverystream\/.+$/, 'a Firehose stream', false)
  if (config.S3Configuration) check(config.S3Configuration.BucketArn, 's3', /^[^:/]+$/, 'an S3 bucket', false)
}

/**
 * The configurations of a SetLogDeliveryConfiguration request, checked as the model describes them: `userNotification`
 * at `ERROR` to CloudWatch Logs, `userAuthEvents` at `INFO` to CloudWatch Logs, S3 or Firehose (the Plus plan only),
 * one configuration per event source (chosen without evidence).
 */
export function checkLogConfigurations(
  cx: Can<'InvalidParameterException' | 'FeatureUnavailableInTierException'>,
  pool: PoolRow,
  configurations: readonly LogConfigurationType[],
): void {
  const seen = new Set<string>()
  for (const config of configurations) {
    if (seen.has(config.EventSource))
      throw invalidParameter(cx, `Only one log configuration per event source is allowed: ${config.EventSource}.`)
    seen.add(config.EventSource)
    // Seen in the model (LogConfigurationType.LogLevel): userNotification is ERROR with CloudWatch Logs, userAuthEvents
    // is INFO. Chosen without evidence: the messages.
    const level = config.EventSource === 'userNotification' ? 'ERROR' : 'INFO'
    if (config.LogLevel !== level)
      throw invalidParameter(cx, `The log level of ${config.EventSource} must be ${level}.`)
    if (config.EventSource === 'userNotification' && (config.S3Configuration || config.FirehoseConfiguration))
      throw invalidParameter(cx, 'userNotification logs can only be delivered to CloudWatch Logs.')
    checkDestination(cx, config)
  }
  // Seen in the model: userAuthEvents needs the Plus plan. Seen (Low: a third party's lint rule, found by text search
  // "pricing tier configured: Log Streaming"): "The following feature is not available for the <tier> pricing tier
  // configured: Log Streaming".
  if (seen.has('userAuthEvents') && !onTier(pool.pool, 'PLUS'))
    throw fail(
      cx,
      'FeatureUnavailableInTierException',
      `The following feature is not available for the ${tierOf(pool.pool)} pricing tier configured: Log Streaming`,
    )
}

/** Stores a pool's configurations (an empty list removes them). */
export function keepLogDelivery(cx: Can<never>, poolId: string, configurations: readonly LogConfigurationType[]): void {
  const rows = cx.tables.logDelivery
  if (configurations.length === 0) rows.delete(poolId)
  else if (rows.has(poolId)) rows.put({ poolId, configurations: structuredClone([...configurations]) })
  else rows.insert({ poolId, configurations: structuredClone([...configurations]) })
}
