import { type OperationName, operations } from '../../../schemas/operations.js'
import { CognitoError, errorTypes, mayAnswer } from '../protocol/errors.js'
import { validateOperation } from '../validate/validate-schema.js'
import type { ErrorOverride, OperationBehaviour } from './options.js'

/** An invalid fixture fails where it is written, naming the member and the constraint. */
export function checkStatic(operation: OperationName, response: unknown): void {
  if (typeof response === 'function') return
  const result = validateOperation(operations[operation], 'response', response)
  if (!result.valid)
    throw new TypeError(`cognito-idp-contract: the ${operation} response override is not valid: ${result.message}`)
}

/** Refuses, where it is written, an error the operation does not model. */
export function checkError(operation: OperationName, error: ErrorOverride): void {
  if (!mayAnswer(operation, error.type)) {
    throw new TypeError(
      `cognito-idp-contract: ${operation} does not model ${error.type}; it may fail with ${errorTypes(operation).join(', ')}`,
    )
  }
}

/** The Cognito error an error override answers with. */
export function errorOf(error: ErrorOverride): CognitoError {
  return new CognitoError(error.type, error.message ?? `${error.type} (from the test's override)`, error.status)
}

/** The test's overrides: those configured in the options, and those set at run time (newest first). */
export class Overrides {
  private readonly initial: Array<[OperationName, OperationBehaviour]>
  private configured: Map<OperationName, OperationBehaviour>
  private runtime: Array<{ operation: OperationName; behaviour: OperationBehaviour }> = []

  /** Checks the configured overrides where they are written. */
  constructor(configured: { readonly [K in OperationName]?: OperationBehaviour<K> } | undefined) {
    this.initial = Object.entries(configured ?? {}) as Array<[OperationName, OperationBehaviour]>
    for (const [op, behaviour] of this.initial) {
      if (behaviour.response !== undefined) checkStatic(op, behaviour.response)
      if (behaviour.error) checkError(op, behaviour.error)
    }
    this.configured = new Map(this.initial)
  }

  /** The behaviour that applies to this call; a `once` behaviour is used up here. */
  behaviourFor(operation: OperationName): OperationBehaviour | undefined {
    const index = this.runtime.findIndex((r) => r.operation === operation)
    if (index >= 0) {
      const { behaviour } = this.runtime[index]!
      if (behaviour.once) this.runtime.splice(index, 1)
      return behaviour
    }
    const behaviour = this.configured.get(operation)
    if (behaviour?.once && (behaviour.response !== undefined || behaviour.error))
      this.configured.set(operation, { mode: behaviour.mode })
    return behaviour
  }

  /** Sets a behaviour at run time, before every other for its operation. */
  add(operation: OperationName, behaviour: OperationBehaviour): void {
    this.runtime.unshift({ operation, behaviour })
  }

  /** Forgets the run-time overrides and restores the configured ones (`once` ones too). */
  reset(): void {
    this.runtime = []
    this.configured = new Map(this.initial)
  }
}
