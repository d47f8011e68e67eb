import type { Operations } from '../../../generated/types.js'
import type { OperationName } from '../../../schemas/operations.js'
import { CognitoError, isCognitoError, mayAnswer } from '../protocol/errors.js'
import type { OperationContext } from './context.js'

/** One simulated operation: its name and what it does with a validated input. */
export interface SimulatedOperationDefinition<K extends OperationName = OperationName> {
  readonly name: K
  /** Runs the operation; throws only K's modelled errors and the service-wide ones. */
  readonly run: (
    cx: OperationContext<K>,
    input: Operations[K]['input'],
  ) => Operations[K]['output'] | Promise<Operations[K]['output']>
}

/** Declares a simulated operation: input and output typed from the contract, errors limited to the ones it models. */
export function operation<K extends OperationName>(
  name: K,
  run: (
    cx: OperationContext<K>,
    input: Operations[K]['input'],
  ) => Operations[K]['output'] | Promise<Operations[K]['output']>,
): SimulatedOperationDefinition<K> {
  return { name, run }
}

/**
 * Runs a definition, turning a Cognito error the operation does not model into an InternalErrorException
 * that names the slip (a bug in the simulation, never an answer real Cognito could give).
 */
export async function runDefinition<K extends OperationName>(
  definition: SimulatedOperationDefinition<K>,
  cx: OperationContext<K>,
  input: Operations[K]['input'],
): Promise<Operations[K]['output']> {
  try {
    return await definition.run(cx, input)
  } catch (error) {
    if (!isCognitoError(error)) throw error
    if (mayAnswer(definition.name, error.name)) throw error
    throw new CognitoError(
      'InternalErrorException',
      `cognito-idp-contract: the simulation answered ${definition.name} with ${error.name}, which ${definition.name} does not model (${error.message})`,
    )
  }
}
