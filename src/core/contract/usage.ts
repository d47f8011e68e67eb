import { enumValues, mapValue, members, requiredMembers, type SchemaNode } from '../shared/walk.js'
import type { MemberKind, RecordedConstraints } from './types.js'

/** How many distinct string values a member keeps for pattern checks. */
export const SAMPLE_LIMIT = 20

/** A member's usage while it is being recorded. */
export interface UsageTally {
  count: number
  readonly kind: MemberKind
  readonly required: boolean
  readonly constraints: RecordedConstraints | undefined
  readonly sensitive: boolean
  values: Set<string> | undefined
  least: number | undefined
  most: number | undefined
  samples: Set<string> | undefined
  /** Request structures: the member names the contract had. */
  readonly members: readonly string[] | undefined
}

/** The kind of a contract schema node. */
export function kindOf(schema: SchemaNode): MemberKind {
  if (schema['anyOf']) return 'enum'
  if (schema['x-aws-document']) return 'document'
  switch (schema['type']) {
    case 'string':
      return schema['x-aws-blob'] ? 'blob' : 'string'
    case 'integer':
      return 'integer'
    case 'number':
      return schema['x-aws-timestamp'] ? 'timestamp' : 'double'
    case 'boolean':
      return 'boolean'
    case 'array':
      return 'list'
    case 'object':
      return mapValue(schema) ? 'map' : 'structure'
    default:
      return 'document'
  }
}

/** The constraints of a node in the model's terms (a blob's in bytes, a pattern as the model writes it). */
export function constraintsOf(schema: SchemaNode, kind: MemberKind): RecordedConstraints | undefined {
  const pick = (min: unknown, max: unknown, pattern?: unknown, values?: string[]): RecordedConstraints | undefined => {
    const out = {
      ...(typeof min === 'number' && { min }),
      ...(typeof max === 'number' && { max }),
      ...(typeof pattern === 'string' && { pattern }),
      ...(values && { enum: values }),
    }
    return Object.keys(out).length ? out : undefined
  }
  switch (kind) {
    case 'string':
      return pick(schema['minLength'], schema['maxLength'], schema['x-aws-pattern'])
    case 'enum':
      return pick(schema['minLength'], schema['maxLength'], schema['x-aws-pattern'], enumValues(schema))
    case 'blob': {
      const bytes = (schema['x-aws-blob'] ?? {}) as { minBytes?: number; maxBytes?: number }
      return pick(bytes.minBytes, bytes.maxBytes)
    }
    case 'integer':
      return pick(schema['minimum'], schema['maximum'])
    case 'list':
      return pick(schema['minItems'], schema['maxItems'])
    case 'map':
      return pick(schema['minProperties'], schema['maxProperties'])
    default:
      return undefined
  }
}

/** Records one value at `path` and everything under it into `into`. */
export function tally(
  schema: SchemaNode,
  value: unknown,
  path: string,
  required: boolean,
  into: Map<string, UsageTally>,
  samples: boolean,
): void {
  if (value === undefined || value === null) return
  const kind = kindOf(schema)
  let t = into.get(path)
  if (!t) {
    t = {
      count: 0,
      kind,
      required,
      constraints: constraintsOf(schema, kind),
      sensitive: schema['x-aws-sensitive'] === true,
      values: undefined,
      least: undefined,
      most: undefined,
      samples: undefined,
      members: samples && kind === 'structure' ? members(schema).map(([m]) => m) : undefined,
    }
    into.set(path, t)
  }
  t.count++
  const extent = (n: number): void => {
    const u = t!
    u.least = u.least === undefined ? n : Math.min(u.least, n)
    u.most = u.most === undefined ? n : Math.max(u.most, n)
  }
  switch (kind) {
    case 'enum':
      if (typeof value === 'string') (t.values ??= new Set()).add(value)
      return
    case 'string':
      if (typeof value !== 'string') return
      extent([...value].length)
      if (samples && !t.sensitive) (t.samples ??= new Set()).add(value)
      return
    case 'blob':
      if (typeof value === 'string') extent(Math.floor((value.replace(/=+$/, '').length * 3) / 4))
      return
    case 'integer':
    case 'double':
      if (typeof value === 'number') extent(value)
      return
    case 'list':
      if (!Array.isArray(value)) return
      extent(value.length)
      for (const item of value) tally(schema['items'] as SchemaNode, item, `${path}[]`, true, into, samples)
      return
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return
      const entries = Object.values(value as Record<string, unknown>)
      extent(entries.length)
      for (const v of entries) tally(mapValue(schema)!, v, `${path}{}`, true, into, samples)
      return
    }
    case 'structure':
      tallyMembers(schema, value, `${path}.`, into, samples)
      return
  }
}

/** Records each member of a structure value; `prefix` is `''` at the top or `Path.` below it. */
export function tallyMembers(
  schema: SchemaNode,
  value: unknown,
  prefix: string,
  into: Map<string, UsageTally>,
  samples: boolean,
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return
  const required = requiredMembers(schema)
  const record = value as Record<string, unknown>
  for (const [name, member] of members(schema)) {
    if (record[name] !== undefined) tally(member, record[name], `${prefix}${name}`, required.has(name), into, samples)
  }
}
