// The trigger functions' vocabulary, below every layer of the simulation that names it: what a test hands in, the
// errors a trigger can cause, and the record of each call.
import type { Callback, Context as LambdaContext } from 'aws-lambda'

/** The triggers a pool's LambdaConfig names, by the member that names each (and the name Cognito's messages use). */
export type TriggerName =
  | 'PreSignUp'
  | 'PostConfirmation'
  | 'PreAuthentication'
  | 'PostAuthentication'
  | 'DefineAuthChallenge'
  | 'CreateAuthChallenge'
  | 'VerifyAuthChallengeResponse'
  | 'PreTokenGeneration'
  | 'UserMigration'
  | 'CustomMessage'
  | 'CustomEmailSender'
  | 'CustomSMSSender'

/**
 * A Lambda function as a test hands it in: a production trigger module's handler unchanged, typed as
 * `@types/aws-lambda`'s `PreSignUpTriggerHandler` and the like (async, or with a callback).
 */
// biome-ignore lint/suspicious/noExplicitAny: every trigger's handler type (Handler<PreSignUpTriggerEvent>, …) must be accepted
export type LambdaFunction = (event: any, context: LambdaContext, callback: Callback<any>) => unknown

/** Functions by the ARN or the name a pool's LambdaConfig uses (`arn:aws:lambda:…:function:name`, or `name`). */
export type Lambdas = Readonly<Record<string, LambdaFunction>>

/** How functions run: which there are, and how long one may take. */
export interface LambdaOptions {
  /** The functions, by ARN or name. */
  readonly lambdas?: Lambdas | undefined
  /** Milliseconds a trigger may take before Cognito gives up on it; Cognito's limit is 5 seconds (default 5000). */
  readonly lambdaTimeout?: number | undefined
}

/** One call of a trigger function, as the simulation recorded it. */
export interface TriggerInvocation {
  readonly trigger: TriggerName
  readonly triggerSource: string
  readonly userPoolId: string
  /** The function's ARN, as the pool names it. */
  readonly functionArn: string
  /** The event as the function received it. */
  readonly event: Readonly<Record<string, unknown>>
  /** The event the function returned, when it succeeded. */
  readonly result?: Readonly<Record<string, unknown>> | undefined
  /** Cognito's error, when the invocation failed. */
  readonly error?: { readonly type: string; readonly message: string } | undefined
  /** When it was invoked, epoch seconds. */
  readonly time: number
}

/** Which invocations to list; every member given must match. */
export interface InvocationFilter {
  readonly trigger?: TriggerName | undefined
  readonly triggerSource?: string | undefined
  readonly userPoolId?: string | undefined
  readonly userName?: string | undefined
}

/** The errors a trigger can cause; every operation that fires a trigger models all three. */
export type LambdaErrors =
  | 'UserLambdaValidationException'
  | 'InvalidLambdaResponseException'
  | 'UnexpectedLambdaException'

/** The functions a simulation runs and what it recorded of them (not state: reset clears it, snapshots omit it). */
export interface LambdaRuntime {
  /** The function a LambdaConfig ARN names: by the whole ARN, the ARN without its qualifier, or the function's name. */
  find(arn: string): LambdaFunction | undefined
  readonly timeout: number
  record(invocation: TriggerInvocation): void
  readonly invocations: TriggerInvocation[]
}
