/** The trigger types, where they were before they moved down to lambdas.ts: kept for importers outside the simulation. */
export type {
  InvocationFilter,
  LambdaErrors,
  LambdaFunction,
  LambdaOptions,
  Lambdas,
  TriggerInvocation,
  TriggerName,
} from '../lambdas.js'
