import type { Context as LambdaContext } from 'aws-lambda'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import type { LambdaErrors, LambdaFunction, TriggerName } from '../lambdas.js'
import type { PoolRow } from '../resources/user-pools.js'
import { ADMIN_CLIENT_ID, UNKNOWN_SDK } from './events.js'

/** What one trigger invocation sends. */
export interface TriggerCall {
  readonly trigger: TriggerName
  /** The event's `triggerSource`, e.g. `PreSignUp_SignUp`. */
  readonly source: string
  readonly pool: PoolRow
  /** The event's `userName`: the username Cognito keeps (or the one a sign-in named, for a user not found). */
  readonly userName: string
  /** The app client of the call; admin operations have none (`CLIENT_ID_NOT_APPLICABLE`). */
  readonly clientId?: string | undefined
  readonly request: Readonly<Record<string, unknown>>
  /** The `response` the function starts from (Cognito sends its members empty or false). */
  readonly response?: Readonly<Record<string, unknown>> | undefined
}

/** A trigger's configured function and the event version it gets. */
export interface Configured {
  readonly arn: string
  /** The event's `version`: "1", or "2"/"3" for pre token generation V2_0/V3_0 (seen in AWS's sample events). */
  readonly version: string
}

/** The function a pool configures for a trigger, if any. */
export function configured(pool: PoolRow, trigger: TriggerName): Configured | undefined {
  const config = pool.pool.LambdaConfig ?? {}
  switch (trigger) {
    case 'PreTokenGeneration': {
      const arn = config.PreTokenGenerationConfig?.LambdaArn ?? config.PreTokenGeneration
      const version = config.PreTokenGenerationConfig?.LambdaVersion ?? 'V1_0'
      return arn === undefined ? undefined : { arn, version: version.slice(1, 2) }
    }
    case 'CustomEmailSender':
    case 'CustomSMSSender': {
      const arn = config[trigger]?.LambdaArn
      return arn === undefined ? undefined : { arn, version: '1' }
    }
    default: {
      const arn = config[trigger]
      return arn === undefined ? undefined : { arn, version: '1' }
    }
  }
}

const TIMED_OUT = Symbol('timed out')

/** The `context` a Lambda handler gets, as the Node.js runtime shapes it. */
function lambdaContext(arn: string, requestId: string, deadline: number): LambdaContext {
  const name = /:function:([^:]+)/.exec(arn)?.[1] ?? arn
  const unsupported = () => {
    throw new Error(
      'cognito-idp-contract: context.done/fail/succeed are not supported; return a value or use the callback',
    )
  }
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: arn,
    memoryLimitInMB: '128',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${requestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  }
}

/** Runs a handler as the Node.js Lambda runtime does: an async result, or the callback, whichever comes. */
function run(fn: LambdaFunction, event: unknown, context: LambdaContext, timeout: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(TIMED_OUT), timeout)
    try {
      const returned = fn(event, context, (error, value) => (error ? reject(error) : resolve(value)))
      if (
        returned !== null &&
        typeof returned === 'object' &&
        typeof (returned as Promise<unknown>).then === 'function'
      )
        (returned as Promise<unknown>).then(resolve, reject)
      else if (fn.length < 3) resolve(returned)
    } catch (error) {
      reject(error)
    }
  }).finally(() => clearTimeout(timer))
}

/** What an error a function threw says, as Lambda reports its errorMessage. */
function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

/**
 * Invokes the function a pool configures for a trigger and resolves to the `response` it returned (checked by
 * `accept`), or to undefined when the pool configures none. Failures as Cognito reports them (captured messages):
 * a throw is UserLambdaValidationException "<Trigger> failed with error <message>." (the period appended even after
 * one); no JSON back is InvalidLambdaResponseException "Invalid lambda function output : Invalid JSON"; an event that
 * is not what Cognito expects, "Unrecognizable lambda output"; a function slower than the timeout,
 * UnexpectedLambdaException "<Trigger> invocation failed due to error Socket timeout while invoking Lambda
 * function."; an ARN with no function behind it, "<Trigger> invocation failed due to error
 * ResourceNotFoundException." (chosen, after the captured "… due to error AccessDeniedException."). Cognito retries
 * a timed-out function twice; the simulation calls it once (chosen: a test's function runs as often as it would
 * succeed).
 */
export async function invokeTrigger(
  cx: Can<LambdaErrors>,
  call: TriggerCall,
  accept: (response: Record<string, unknown>) => boolean = () => true,
): Promise<Record<string, unknown> | undefined> {
  const target = configured(call.pool, call.trigger)
  if (!target) return undefined
  const event = {
    version: target.version,
    triggerSource: call.source,
    region: cx.region,
    userPoolId: call.pool.pool.Id,
    userName: call.userName,
    callerContext: { awsSdkVersion: UNKNOWN_SDK, clientId: call.clientId ?? ADMIN_CLIENT_ID },
    request: call.request,
    response: call.response ?? {},
  }
  const record = (outcome: { result?: Record<string, unknown>; error?: { type: string; message: string } }) =>
    cx.lambdas.record({
      trigger: call.trigger,
      triggerSource: call.source,
      userPoolId: call.pool.pool.Id,
      functionArn: target.arn,
      event: recorded(event),
      ...outcome,
      time: cx.now(),
    })
  const failed = (type: LambdaErrors, message: string) => {
    record({ error: { type, message } })
    return fail(cx, type, message)
  }
  const fn = cx.lambdas.find(target.arn)
  if (!fn)
    throw failed(
      'UnexpectedLambdaException',
      `${call.trigger} invocation failed due to error ResourceNotFoundException.`,
    )
  let returned: unknown
  try {
    const timeout = cx.lambdas.timeout
    returned = await run(
      fn,
      structuredClone(event),
      lambdaContext(target.arn, cx.ids.uuid(), Date.now() + timeout),
      timeout,
    )
  } catch (error) {
    if (error === TIMED_OUT) {
      throw failed(
        'UnexpectedLambdaException',
        `${call.trigger} invocation failed due to error Socket timeout while invoking Lambda function.`,
      )
    }
    throw failed('UserLambdaValidationException', `${call.trigger} failed with error ${errorMessage(error)}.`)
  }
  // What Lambda hands back is JSON: a function's result goes through JSON, as it would over the wire.
  let result: unknown
  try {
    const text = JSON.stringify(returned)
    result = text === undefined ? undefined : JSON.parse(text)
  } catch {
    result = undefined
  }
  if (result === null || typeof result !== 'object' || Array.isArray(result))
    throw failed('InvalidLambdaResponseException', 'Invalid lambda function output : Invalid JSON')
  const out = result as Record<string, unknown>
  const response = out['response']
  const common = ['version', 'triggerSource', 'region', 'userPoolId', 'userName'] as const
  if (
    response === null ||
    typeof response !== 'object' ||
    Array.isArray(response) ||
    common.some((k) => out[k] !== event[k]) ||
    !accept(response as Record<string, unknown>)
  )
    throw failed('InvalidLambdaResponseException', 'Unrecognizable lambda output')
  record({ result: recorded(out) })
  return response as Record<string, unknown>
}

/**
 * The event as the invocation record keeps it: a copy, with the password a UserMigration event carries masked (the
 * function itself gets it, as Cognito's does; the record, readable over `serve`'s controls, keeps no password).
 */
function recorded(event: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(event)
  const request = copy['request'] as Record<string, unknown> | undefined
  if (request && typeof request['password'] === 'string') request['password'] = '***'
  return copy
}
