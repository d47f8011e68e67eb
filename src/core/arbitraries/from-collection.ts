import fc from 'fast-check'
import { mapValue, type SchemaNode } from '../shared/walk.js'
import type { Deriver } from './deriver.js'
import type { DeriveContext } from './options.js'

function sizeBounds(
  schemaMin: number | undefined,
  schemaMax: number | undefined,
  d: Deriver,
): { min: number; max: number } {
  const floor = Math.max(schemaMin ?? 0, d.options.listMin, d.options.presence === 'full' ? 1 : 0)
  const min = Math.min(floor, schemaMax ?? floor)
  const max = Math.max(min, Math.min(schemaMax ?? Infinity, d.options.listMax))
  return { min, max }
}

/** Lists within the model's item bounds and the caller's list size. */
export function fromArray(schema: SchemaNode, ctx: DeriveContext, d: Deriver): fc.Arbitrary<unknown[]> {
  const { min, max } = sizeBounds(schema['minItems'] as number | undefined, schema['maxItems'] as number | undefined, d)
  const least = (schema['minItems'] as number | undefined) ?? 0
  if (ctx.atLimit && least === 0) return fc.constant([])
  return fc.array(d.derive(schema['items'] as SchemaNode, ctx), { minLength: min, maxLength: max })
}

/** Maps with keys and values of their shapes. */
export function fromMap(schema: SchemaNode, ctx: DeriveContext, d: Deriver): fc.Arbitrary<Record<string, unknown>> {
  const { min, max } = sizeBounds(
    schema['minProperties'] as number | undefined,
    schema['maxProperties'] as number | undefined,
    d,
  )
  if (ctx.atLimit && ((schema['minProperties'] as number | undefined) ?? 0) === 0) return fc.constant({})
  const keys = d.derive((schema['propertyNames'] ?? { type: 'string' }) as SchemaNode, {
    ...ctx,
    member: undefined,
  }) as fc.Arbitrary<string>
  const values = d.derive(mapValue(schema)!, ctx)
  return fc
    .uniqueArray(fc.tuple(keys, values), { minLength: min, maxLength: max, selector: ([k]) => k })
    .map((pairs) => Object.fromEntries(pairs))
}
