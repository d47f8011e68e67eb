import { base64ToBytes, bytesToBase64 } from './text.js'
import { asNode, mapValue, members, type SchemaNode } from './walk.js'

type Direction = 'toSdk' | 'fromSdk'

function convert(schema: SchemaNode, value: unknown, direction: Direction): unknown {
  if (value === null || value === undefined) return value
  if (schema['x-aws-timestamp']) {
    if (direction === 'toSdk') return typeof value === 'number' ? new Date(value * 1000) : value
    return value instanceof Date ? value.getTime() / 1000 : value
  }
  if (schema['x-aws-blob']) {
    if (direction === 'toSdk') return typeof value === 'string' ? base64ToBytes(value) : value
    return value instanceof Uint8Array ? bytesToBase64(value) : value
  }
  if (Array.isArray(value))
    return schema['items'] ? value.map((v) => convert(asNode(schema['items'] as object), v, direction)) : value
  if (typeof value !== 'object' || value instanceof Date || value instanceof Uint8Array) return value
  const record = value as Record<string, unknown>
  const inner = mapValue(schema)
  if (inner) return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, convert(inner, v, direction)]))
  const known = new Map(members(schema))
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, known.has(k) ? convert(known.get(k)!, v, direction) : v]),
  )
}

/** A wire value (epoch-second timestamps, base64 blobs) as the AWS SDK takes it (`Date`, `Uint8Array`). */
export function toSdk(schema: object, value: unknown): unknown {
  return convert(asNode(schema), value, 'toSdk')
}

/** A value as the AWS SDK gives it (`Date`, `Uint8Array`) back in wire form. */
export function fromSdk(schema: object, value: unknown): unknown {
  return convert(asNode(schema), value, 'fromSdk')
}
