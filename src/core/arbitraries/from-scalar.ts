import fc from 'fast-check'
import type { SchemaNode } from '../shared/walk.js'
import type { Deriver } from './deriver.js'
import { timestamp } from './realism/ids.js'

const FUTURE_ENUM_VALUE = 'FUTURE_VALUE'
/** How far an integer without an upper bound goes. */
const OPEN_RANGE = 10_000

/** Enum members; with forward compatibility, now and then a value this contract does not know. */
export function fromEnum(values: readonly string[], d: Deriver): fc.Arbitrary<string> {
  const known = fc.constantFrom(...values)
  return d.options.forwardCompatible
    ? fc.oneof({ arbitrary: known, weight: 4 }, { arbitrary: fc.constant(FUTURE_ENUM_VALUE), weight: 1 })
    : known
}

/** Integers and numbers within the schema's range; timestamps in a plausible window. */
export function fromNumber(schema: SchemaNode): fc.Arbitrary<number> {
  if (schema['x-aws-timestamp']) return timestamp
  const min = (schema['minimum'] as number | undefined) ?? 0
  const max = (schema['maximum'] as number | undefined) ?? Math.max(min, 0) + OPEN_RANGE
  if (schema['type'] === 'integer') return fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
}

/** Booleans. */
export const fromBoolean = (): fc.Arbitrary<boolean> => fc.boolean()

/** Free-form JSON documents: objects, since a JSON null would read as a missing member. */
export const fromDocument = (): fc.Arbitrary<unknown> =>
  fc
    .dictionary(
      fc.constantFrom('id', 'type', 'rawId', 'response', 'challenge', 'rp', 'user'),
      fc.jsonValue({ maxDepth: 1 }),
      { maxKeys: 4 },
    )
    .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
