/** A TypeBox/JSON Schema node as the importer reads it back. */
export type SchemaNode = Readonly<Record<string, unknown>>

/** Reads any schema object (a TypeBox schema included) as a plain node. */
export function asNode(schema: object): SchemaNode {
  return schema as SchemaNode
}

/** The shape name a schema carries, if any. */
export function shapeName(schema: SchemaNode): string | undefined {
  const name = schema['x-aws-shape']
  return typeof name === 'string' ? name : undefined
}

/** The enum values of a literal-union schema, or undefined. */
export function enumValues(schema: SchemaNode): string[] | undefined {
  const anyOf = schema['anyOf']
  if (!Array.isArray(anyOf)) return undefined
  return anyOf.map((s: SchemaNode) => String(s['const']))
}

/** The value schema of a map (TypeBox Record) schema, or undefined for other schemas. */
export function mapValue(schema: SchemaNode): SchemaNode | undefined {
  const pp = schema['patternProperties'] as Record<string, SchemaNode> | undefined
  return pp ? Object.values(pp)[0] : undefined
}

/** The member schemas of an object schema, in declaration order. */
export function members(schema: SchemaNode): Array<[string, SchemaNode]> {
  return Object.entries((schema['properties'] ?? {}) as Record<string, SchemaNode>)
}

/** The required member names of an object schema. */
export function requiredMembers(schema: SchemaNode): Set<string> {
  return new Set((schema['required'] ?? []) as string[])
}

/** The named shapes a schema refers to directly (members, items, map keys and values). */
export function childSchemas(schema: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = []
  if (schema['items']) out.push(schema['items'] as SchemaNode)
  const value = mapValue(schema)
  if (value) out.push(schema['propertyNames'] as SchemaNode, value)
  for (const [, member] of members(schema)) out.push(member)
  return out
}
