import fc from 'fast-check'

type Schema = Readonly<Record<string, unknown>>

/**
 * A plain fast-check arbitrary of a schema's shape, as one would write it by hand with `fc.record`: every member of
 * its type within its declared bounds, optional members sometimes absent, and nothing else (no patterns, no
 * realism). The anchor `sample()` is compared with.
 */
export function plainArbitrary(schema: Schema): fc.Arbitrary<unknown> {
  const anyOf = schema['anyOf'] as Schema[] | undefined
  if (anyOf) return fc.constantFrom(...anyOf.map((s) => s['const']))
  const num = (key: string) => schema[key] as number | undefined
  switch (schema['type']) {
    case 'string':
      return fc.string({ minLength: num('minLength') ?? 0, maxLength: Math.min(num('maxLength') ?? 64, 64) })
    case 'integer':
      return fc.integer({ min: num('minimum') ?? 0, max: num('maximum') ?? 1_000_000 })
    case 'number':
      return fc.double({ min: 0, max: 2e9, noNaN: true })
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.array(plainArbitrary(schema['items'] as Schema), {
        minLength: num('minItems') ?? 0,
        maxLength: Math.min(num('maxItems') ?? 5, 5),
      })
    case 'object': {
      const pattern = schema['patternProperties'] as Record<string, Schema> | undefined
      if (pattern)
        return fc.dictionary(fc.string({ minLength: 1 }), plainArbitrary(Object.values(pattern)[0]!), { maxKeys: 5 })
      const properties = (schema['properties'] ?? {}) as Record<string, Schema>
      const record = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, plainArbitrary(v)]))
      return fc.record(record, { requiredKeys: (schema['required'] ?? []) as string[] })
    }
  }
  return fc.constant({})
}
