import type { OperationName } from '../../../schemas/operations.js'
import { CognitoError, errorTypes, isCognitoError, mayAnswer } from '../protocol/errors.js'
import type { CallContext } from '../protocol/handle.js'
import type { AnswerSource } from './calls.js'
import type { CognitoMockOptions } from './options.js'
import { errorOf, type Overrides } from './overrides.js'
import type { MockSetup } from './setup.js'

/** What answered each call in flight, by request id, and the region it went to. */
export type Answered = Map<string, { source: AnswerSource; region: string }>

/** What the dispatch works with: the resolved options, the overrides, and the fixtures' seeding as it is now. */
export interface BackendParts {
  readonly setup: MockSetup
  /** The options as handed in: faults are read from them at each call. */
  readonly options: CognitoMockOptions
  readonly overrides: Overrides
  readonly answered: Answered
  readonly ready: () => Promise<void>
}

/** The backend behind the protocol: a call answered by the first that applies of fault, override, generated data, or the simulation. */
export function createBackend(
  parts: BackendParts,
): (operation: OperationName, input: Record<string, unknown>, context: CallContext) => Promise<unknown> {
  const { setup, options, overrides, answered } = parts
  const { simulation, generated, random, served, mode } = setup
  return async (operation, input, context) => {
    const call = { region: context.region, account: context.account }
    const mark = (source: AnswerSource) =>
      answered.set(context.requestId, { source, region: simulation.regionOf(input, call) })
    mark('protocol')
    if (!served(operation)) {
      throw new CognitoError(
        'UnhandledCognitoOperation',
        `cognito-idp-contract: ${operation} is excluded from these handlers (the include/exclude options), so the call was not answered.`,
        501,
      )
    }
    const faults = options.faults
    const roll = random()
    mark('fault')
    if (faults?.throttle && roll < faults.throttle) throw new CognitoError('TooManyRequestsException', 'Rate exceeded')
    if (faults?.internal && roll >= (faults.throttle ?? 0) && roll < (faults.throttle ?? 0) + faults.internal)
      throw new CognitoError('InternalErrorException', 'Internal error')
    const behaviour = overrides.behaviourFor(operation)
    mark('override')
    if (behaviour?.error) throw errorOf(behaviour.error)
    if (behaviour?.response !== undefined) {
      const response = behaviour.response
      if (typeof response !== 'function') return response
      try {
        return await (response as (i: unknown, c: CallContext) => unknown)(input, context)
      } catch (error) {
        if (isCognitoError(error) && !mayAnswer(operation, error.name)) {
          throw new CognitoError(
            'InternalErrorException',
            `cognito-idp-contract: the ${operation} response callback threw ${error.name}, which ${operation} does not model; it may fail with ${errorTypes(operation).join(', ')}`,
          )
        }
        throw error
      }
    }
    const which = behaviour?.mode ?? mode
    if (which === 'auto' && !simulation.implements(operation)) {
      mark('simulation')
      await parts.ready().catch(() => undefined)
      // An operation the simulation does not implement still names a pool it holds, or is refused as Cognito refuses
      // an unknown pool, so generated data never contradicts simulated state.
      const poolId = input['UserPoolId']
      if (
        typeof poolId === 'string' &&
        mayAnswer(operation, 'ResourceNotFoundException') &&
        !simulation.holds(poolId, call)
      )
        throw new CognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`)
    }
    if (which === 'generated' || (which === 'auto' && !simulation.implements(operation))) {
      mark('generated')
      return generated.respond(operation, input)
    }
    mark('simulation')
    if (!simulation.implements(operation)) {
      throw new CognitoError(
        'UnhandledCognitoOperation',
        `cognito-idp-contract: ${operation} is not simulated; use mode 'auto' or 'generated', or give it a response.`,
        501,
      )
    }
    try {
      await parts.ready()
    } catch (error) {
      throw new CognitoError(
        'InternalErrorException',
        `cognito-idp-contract: the fixtures could not be seeded: ${(error as Error).message}`,
      )
    }
    return simulation.handle(operation, input, {
      region: context.region,
      account: context.account,
      ...(context.request.sourceIp !== undefined && { sourceIp: context.request.sourceIp }),
      url: context.request.url,
    })
  }
}
