import fc from 'fast-check'
import { enumValues, mapValue, type SchemaNode, shapeName } from '../shared/walk.js'
import { validateSchema } from '../validate/validate-schema.js'
import { fromArray, fromMap } from './from-collection.js'
import { fromObject } from './from-object.js'
import { fromRef, withDefs } from './from-ref.js'
import { fromBoolean, fromDocument, fromEnum, fromNumber } from './from-scalar.js'
import { fromBlob, fromString } from './from-string.js'
import { type DeriveContext, isArbitrary, type ResolvedOptions } from './options.js'
import { realisticArbitrary } from './realism/rules.js'

/**
 * A probe as validate meets values in use: parsed from JSON text. Checking the drawn values themselves (objects built
 * by fast-check, strings built by concatenation) taught validate's shared code their shapes, and each later
 * validation of parsed JSON in the same process ran at a third of its rate (a copy made member by member did too).
 */
function asParsed(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value) ?? 'null')
  } catch {
    return value
  }
}

/** How many draws a realism rule must pass, at a fixed seed, before it replaces the generic arbitrary. */
const RULE_PROBES = 24

/** Derives fast-check arbitraries from schemas under one set of options, caching by schema and position. */
export class Deriver {
  private readonly cache = new WeakMap<object, Map<string, fc.Arbitrary<unknown>>>()

  constructor(readonly options: ResolvedOptions) {}

  /** The arbitrary for a schema at a position: an override, a realistic rule, or the generic one. */
  derive(schema: SchemaNode, outer: DeriveContext): fc.Arbitrary<unknown> {
    const ctx = withDefs(schema, outer)
    const key = `${ctx.member ?? ''}|${ctx.path.join('.')}|${ctx.refDepth ?? 0}`
    let byPosition = this.cache.get(schema)
    if (!byPosition) {
      byPosition = new Map()
      this.cache.set(schema, byPosition)
    }
    let arbitrary = byPosition.get(key)
    if (!arbitrary) {
      arbitrary = this.override(schema, ctx) ?? this.realistic(schema, ctx) ?? this.generic(schema, ctx)
      byPosition.set(key, arbitrary)
    }
    return arbitrary
  }

  /** Whether the caller overrides the member at this path, so realism rules leave it alone. */
  overrides(path: readonly string[]): boolean {
    return this.options.overrides.has(path.join('.'))
  }

  private override(schema: SchemaNode, ctx: DeriveContext): fc.Arbitrary<unknown> | undefined {
    const { overrides } = this.options
    if (overrides.size === 0) return undefined
    const path = ctx.path.join('.')
    const found =
      (path && overrides.has(path) ? overrides.get(path) : undefined) ??
      (shapeName(schema) && overrides.has(shapeName(schema)!) ? overrides.get(shapeName(schema)!) : undefined)
    if (found === undefined) return undefined
    return isArbitrary(found) ? found : fc.constant(found)
  }

  private realistic(schema: SchemaNode, ctx: DeriveContext): fc.Arbitrary<unknown> | undefined {
    const rule = realisticArbitrary(schema, ctx, this)
    if (!rule || this.options.forwardCompatible) return rule
    const probes = fc.sample(rule, { seed: 1, numRuns: RULE_PROBES })
    return probes.every((value) => validateSchema(schema, asParsed(value)).valid) ? rule : undefined
  }

  /** The arbitrary from the schema's kind alone, ignoring realism rules for this position. */
  generic(schema: SchemaNode, ctx: DeriveContext): fc.Arbitrary<unknown> {
    const values =
      enumValues(schema) ?? (Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]).map(String) : undefined)
    if (values) return fromEnum(values, this)
    if ('const' in schema) return fc.constant(schema['const'])
    if (typeof schema['$ref'] === 'string') return fromRef(schema, ctx, this)
    if (schema['x-aws-document']) return fromDocument()
    switch (schema['type']) {
      case 'string':
        return schema['x-aws-blob'] ? fromBlob(schema) : fromString(schema, this)
      case 'integer':
      case 'number':
        return fromNumber(schema)
      case 'boolean':
        return fromBoolean()
      case 'array':
        return fromArray(schema, ctx, this)
      case 'object':
        return mapValue(schema) ? fromMap(schema, ctx, this) : fromObject(schema, ctx, this)
    }
    if (Array.isArray(schema['anyOf']))
      return fc.oneof(...(schema['anyOf'] as SchemaNode[]).map((s) => this.derive(s, ctx)))
    return fromDocument()
  }
}
