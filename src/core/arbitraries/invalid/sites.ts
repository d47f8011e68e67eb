import { enumValues, mapValue, members, requiredMembers, type SchemaNode } from '../../shared/walk.js'

/** Which constraint a mutation breaks. */
export type ViolationKind =
  | 'required'
  | 'type'
  | 'maxLength'
  | 'minLength'
  | 'pattern'
  | 'enum'
  | 'maximum'
  | 'minimum'
  | 'maxItems'
  | 'minItems'

/** A place in a value where one constraint can be broken. */
export interface Site {
  /** Wire member names and list indexes from the root. */
  readonly at: ReadonlyArray<string | number>
  /** The schema of the value at `at` (for `required`, the missing member's schema). */
  readonly schema: SchemaNode
  readonly kind: ViolationKind
}

/** Lists longer than this are not made on purpose (a too-long list of a few items is enough). */
const MAX_ITEMS_TO_EXCEED = 100

function leafSites(schema: SchemaNode, at: ReadonlyArray<string | number>): Site[] {
  const out: Site[] = [{ at, schema, kind: 'type' }]
  const add = (kind: ViolationKind): void => void out.push({ at, schema, kind })
  if (enumValues(schema)) add('enum')
  else if (schema['type'] === 'string' && !schema['x-aws-blob']) {
    if (schema['maxLength'] !== undefined) add('maxLength')
    if (((schema['minLength'] as number | undefined) ?? 0) > 0) add('minLength')
    if (schema['pattern'] !== undefined) add('pattern')
  } else if (schema['type'] === 'integer' || schema['type'] === 'number') {
    if (schema['maximum'] !== undefined) add('maximum')
    if (schema['minimum'] !== undefined) add('minimum')
  }
  return out
}

/** Every site of a schema: each member (required ones can go missing), each leaf's constraints, list bounds. */
export function sitesOf(schema: SchemaNode, at: ReadonlyArray<string | number> = []): Site[] {
  if (schema['x-aws-document']) return []
  if (schema['type'] === 'array') {
    const out: Site[] = [{ at, schema, kind: 'type' }]
    const max = schema['maxItems'] as number | undefined
    if (max !== undefined && max < MAX_ITEMS_TO_EXCEED) out.push({ at, schema, kind: 'maxItems' })
    if (((schema['minItems'] as number | undefined) ?? 0) > 0) out.push({ at, schema, kind: 'minItems' })
    return [...out, ...sitesOf(schema['items'] as SchemaNode, [...at, 0])]
  }
  if (schema['type'] === 'object' && mapValue(schema)) return [{ at, schema, kind: 'type' }]
  if (schema['type'] === 'object') {
    const required = requiredMembers(schema)
    const own: Site[] = at.length > 0 ? [{ at, schema, kind: 'type' }] : []
    return [
      ...own,
      ...members(schema).flatMap(([name, member]) => [
        ...(required.has(name) ? [{ at: [...at, name], schema: member, kind: 'required' as const }] : []),
        ...sitesOf(member, [...at, name]),
      ]),
    ]
  }
  return leafSites(schema, at)
}
