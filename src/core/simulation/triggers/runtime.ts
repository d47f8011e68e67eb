import type { LambdaOptions, LambdaRuntime, Lambdas, TriggerInvocation } from '../lambdas.js'

/** Cognito's limit on a synchronous trigger (AWS's documentation: 5 seconds, not configurable). */
export const LAMBDA_TIMEOUT = 5000

/** The name in a Lambda ARN (`arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`), or the text itself. */
function functionName(arn: string): { name: string; unqualified: string } {
  const match = /^arn:[\w-]+:lambda:[\w-]+:\d{12}:function:([^:]+)(:[^:]+)?$/.exec(arn)
  if (!match) return { name: arn, unqualified: arn }
  return { name: match[1]!, unqualified: arn.slice(0, arn.length - (match[2]?.length ?? 0)) }
}

/** How many of the latest trigger invocations are kept. */
const RECORDED_INVOCATIONS = 10_000

/** A runtime over the functions the options hand in. */
export function lambdaRuntime(options: LambdaOptions = {}): LambdaRuntime {
  const lambdas: Lambdas = options.lambdas ?? {}
  const invocations: TriggerInvocation[] = []
  return {
    find(arn) {
      const { name, unqualified } = functionName(arn)
      return lambdas[arn] ?? lambdas[unqualified] ?? lambdas[name]
    },
    timeout: options.lambdaTimeout ?? LAMBDA_TIMEOUT,
    record: (invocation) => {
      invocations.push(invocation)
      // Chosen bound: the oldest invocations go past 10,000, so a long-running server does not grow without end.
      if (invocations.length > RECORDED_INVOCATIONS + 1_000)
        invocations.splice(0, invocations.length - RECORDED_INVOCATIONS)
    },
    invocations,
  }
}
