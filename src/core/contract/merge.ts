import { CONTRACT_FORMAT, type ConsumerContract, type MemberUsage, type OperationUsage } from './types.js'
import { SAMPLE_LIMIT } from './usage.js'

const byKey = <T>(entries: Iterable<[string, T]>): Record<string, T> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

const union = (a: readonly string[] | undefined, b: readonly string[] | undefined, limit = Infinity) =>
  a || b ? [...new Set([...(a ?? []), ...(b ?? [])])].sort().slice(0, limit) : undefined

const bound = (f: (x: number, y: number) => number, a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : f(a, b)

function mergeUsage(a: MemberUsage, b: MemberUsage): MemberUsage {
  const out: Record<string, unknown> = { count: a.count + b.count, kind: a.kind, required: a.required }
  const fields: Array<[string, unknown]> = [
    ['constraints', a.constraints ?? b.constraints],
    ['members', union(a.members, b.members)],
    ['values', union(a.values, b.values)],
    ['least', bound(Math.min, a.least, b.least)],
    ['most', bound(Math.max, a.most, b.most)],
    ['samples', union(a.samples, b.samples, SAMPLE_LIMIT)],
  ]
  for (const [k, v] of fields) if (v !== undefined) out[k] = v
  return out as unknown as MemberUsage
}

function mergeSide(
  a: Readonly<Record<string, MemberUsage>>,
  b: Readonly<Record<string, MemberUsage>>,
): Record<string, MemberUsage> {
  const out = new Map(Object.entries(a))
  for (const [path, usage] of Object.entries(b)) {
    const seen = out.get(path)
    out.set(path, seen ? mergeUsage(seen, usage) : usage)
  }
  return byKey(out)
}

function mergeOperation(a: OperationUsage, b: OperationUsage): OperationUsage {
  const errors = new Map(Object.entries(a.errors))
  for (const [type, n] of Object.entries(b.errors)) errors.set(type, (errors.get(type) ?? 0) + n)
  return {
    calls: a.calls + b.calls,
    request: mergeSide(a.request, b.request),
    response: mergeSide(a.response, b.response),
    errors: byKey(errors),
    modelledErrors: union(a.modelledErrors, b.modelledErrors) ?? [],
    requestMembers: union(a.requestMembers, b.requestMembers) ?? [],
  }
}

/** Reads a consumer contract from parsed JSON; throws a one-line reason when it is not one. */
export function parseContract(json: unknown, source = 'the contract'): ConsumerContract {
  const c = json as Partial<ConsumerContract> | null
  if (typeof c !== 'object' || c === null || c.format !== CONTRACT_FORMAT)
    throw new Error(`${source} is not a consumer contract (its "format" is not "${CONTRACT_FORMAT}")`)
  if (c.version !== 1)
    throw new Error(`${source} has contract version ${String(c.version)}; this package reads version 1`)
  if (typeof c.operations !== 'object' || c.operations === null || !Array.isArray(c.models))
    throw new Error(`${source} has no "operations" object or no "models" list`)
  return c as ConsumerContract
}

/** Joins contracts from several runs: calls and counts add up, values and extents widen; keys stay sorted. */
export function mergeContracts(contracts: readonly ConsumerContract[]): ConsumerContract {
  const operations = new Map<string, OperationUsage>()
  for (const contract of contracts) {
    for (const [name, usage] of Object.entries(contract.operations)) {
      const seen = operations.get(name)
      operations.set(name, seen ? mergeOperation(seen, usage) : usage)
    }
  }
  const consumer = contracts.find((c) => c.consumer !== undefined)?.consumer
  return {
    format: CONTRACT_FORMAT,
    version: 1,
    ...(consumer !== undefined && { consumer }),
    models: union(...([contracts.flatMap((c) => c.models), []] as const)) ?? [],
    operations: byKey(operations),
  }
}
