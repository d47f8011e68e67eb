import type { Static, TSchema } from 'typebox'
import type { Shapes as SdkShapes } from '../../../generated/sdk-types.js'
import type { Shapes as WireShapes } from '../../../generated/types.js'
import type { Named } from '../type/builders.js'
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

/** The SDK's type of a generated schema (`shapes.UserType` → `UserType`), or `unknown` for any other schema. */
export type SdkOf<Schema> = Schema extends Named<infer Name extends keyof SdkShapes> ? SdkShapes[Name] : unknown

/**
 * The wire type of a schema (what `validate` checks and the handlers send): the contract's own type of the shape
 * (`cognito-idp-contract/types`, `?: T | undefined` members) or TypeBox's `Static` of it; `unknown` for a plain object.
 */
export type WireOf<Schema> =
  Schema extends Named<infer Name extends keyof WireShapes>
    ? WireShapes[Name] | Static<Schema & TSchema>
    : Schema extends TSchema
      ? Static<Schema>
      : unknown

/**
 * A wire value (epoch-second timestamps, base64 blobs) as the AWS SDK takes it (`Date`, `Uint8Array`): typed as the
 * SDK's type when the schema is one of the contract's shapes (`toSdk(shapes.UserType, u)` is a `UserType`).
 */
export function toSdk<Schema extends object>(schema: Schema, value: WireOf<Schema>): SdkOf<Schema> {
  return convert(asNode(schema), value, 'toSdk') as SdkOf<Schema>
}

/** A value as the AWS SDK gives it (`Date`, `Uint8Array`) back in wire form, typed as the schema's wire type. */
export function fromSdk<Schema extends object>(schema: Schema, value: SdkOf<Schema>): WireOf<Schema> {
  return convert(asNode(schema), value, 'fromSdk') as WireOf<Schema>
}
