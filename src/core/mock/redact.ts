import { asNode, mapValue, members, type SchemaNode } from '../shared/walk.js'

/** What stands in a log for a sensitive value. */
export const REDACTED = '***'

/** A copy of a value with every sensitive member (by its schema) replaced, for logs. */
export function redact(schema: object, value: unknown): unknown {
  const s: SchemaNode = asNode(schema)
  if (value === null || value === undefined) return value
  if (s['x-aws-sensitive']) return REDACTED
  if (Array.isArray(value)) return s['items'] ? value.map((v) => redact(s['items'] as object, v)) : value
  if (typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const inner = mapValue(s)
  if (inner) return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, redact(inner, v)]))
  const known = new Map(members(s))
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, known.has(k) ? redact(known.get(k)!, v) : v]))
}
