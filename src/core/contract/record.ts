import { type OperationName, operations } from '../../../schemas/operations.js'
import { service } from '../../../schemas/service.js'
import { asNode, members } from '../shared/walk.js'
import { CONTRACT_FORMAT, type ConsumerContract, type MemberUsage, type OperationUsage } from './types.js'
import { SAMPLE_LIMIT, tallyMembers, type UsageTally } from './usage.js'

interface OperationTally {
  calls: number
  readonly request: Map<string, UsageTally>
  readonly response: Map<string, UsageTally>
  readonly errors: Map<string, number>
}

const sorted = <T>(entries: Iterable<[string, T]>): Record<string, T> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

function usageOf(t: UsageTally): MemberUsage {
  const strings = (set: Set<string> | undefined, limit = Number.POSITIVE_INFINITY) =>
    set?.size ? [...set].sort().slice(0, limit) : undefined
  const out: Record<string, unknown> = { count: t.count, kind: t.kind, required: t.required }
  if (t.constraints) out['constraints'] = t.constraints
  if (t.members) out['members'] = t.members
  const values = strings(t.values)
  if (values) out['values'] = values
  if (t.least !== undefined) out['least'] = t.least
  if (t.most !== undefined) out['most'] = t.most
  const samples = strings(t.samples, SAMPLE_LIMIT)
  if (samples) out['samples'] = samples
  return out as unknown as MemberUsage
}

/** Records what a consumer sends and receives, call by call, into a consumer contract. */
export class ContractRecorder {
  readonly #operations = new Map<string, OperationTally>()
  readonly #consumer: string | undefined

  /** `consumer` names the contract. */
  constructor(options: { readonly consumer?: string | undefined } = {}) {
    this.#consumer = options.consumer
  }

  /** Adds one call: its operation, the request sent, and the response or the error type received. */
  add(operation: string, input: unknown, output?: unknown, errorType?: string | undefined): void {
    if (!Object.hasOwn(operations, operation)) return
    const schema = operations[operation as OperationName]
    let t = this.#operations.get(operation)
    if (!t) {
      t = { calls: 0, request: new Map(), response: new Map(), errors: new Map() }
      this.#operations.set(operation, t)
    }
    t.calls++
    tallyMembers(asNode(schema.input), input, '', t.request, true)
    if (errorType !== undefined) t.errors.set(errorType, (t.errors.get(errorType) ?? 0) + 1)
    else tallyMembers(asNode(schema.output), output, '', t.response, false)
  }

  /** The contract recorded so far. */
  contract(): ConsumerContract {
    const ops = [...this.#operations].map(([name, t]): [string, OperationUsage] => [
      name,
      {
        calls: t.calls,
        request: sorted([...t.request].map(([p, u]) => [p, usageOf(u)])),
        response: sorted([...t.response].map(([p, u]) => [p, usageOf(u)])),
        errors: sorted(t.errors),
        modelledErrors: [...operations[name as OperationName].errors].sort(),
        requestMembers: members(asNode(operations[name as OperationName].input)).map(([m]) => m),
      },
    ])
    return {
      format: CONTRACT_FORMAT,
      version: 1,
      ...(this.#consumer !== undefined && { consumer: this.#consumer }),
      models: [service.modelSha256],
      operations: sorted(ops),
    }
  }

  /** The contract recorded since the last take, and forgets it. */
  take(): ConsumerContract {
    const taken = this.contract()
    this.#operations.clear()
    return taken
  }
}
