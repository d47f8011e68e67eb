import { type SchemaNode, shapeName } from '../../core/shared/walk.js'
import { reachableShapes } from './emit-types.js'

const DRAFT = 'https://json-schema.org/draft/2020-12/schema'

function withRefs(schema: SchemaNode, top: boolean): unknown {
  const name = shapeName(schema)
  if (!top && name) return { $ref: `#/$defs/${name}` }
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, SchemaNode>).map(([k, v]) => [k, withRefs(v, false)]),
      )
    } else if (key === 'items' || key === 'propertyNames') {
      out[key] = withRefs(value as SchemaNode, false)
    } else if (key === 'anyOf') {
      out[key] = (value as SchemaNode[]).map((v) => withRefs(v, true))
    } else out[key] = value
  }
  return out
}

/** A standalone draft 2020-12 JSON Schema document for one request or response, shapes under `$defs`. */
export function jsonSchemaDocument(id: string, comment: string, root: SchemaNode): string {
  const shapes = reachableShapes(root)
  const defs = Object.fromEntries([...shapes.keys()].sort().map((name) => [name, withRefs(shapes.get(name)!, true)]))
  const doc = { $schema: DRAFT, $id: id, $comment: comment, $ref: `#/$defs/${shapeName(root)}`, $defs: defs }
  return `${JSON.stringify(doc, null, 2)}\n`
}
