import type { ModelShape, ServiceModel } from '../model/model.js'

/** A change set: nested members down to a leaf, which is a type's notation, a set of enum values, or an "old -> new" text. */
export type ChangeTree = Map<string, ChangeTree | ChangeLeaf>

/** The leaves of a change set. */
export type ChangeLeaf =
  | { readonly kind: 'type'; readonly text: string }
  | { readonly kind: 'values'; readonly values: readonly string[] }
  | { readonly kind: 'change'; readonly text: string }

/** Quotes a string as Python prints it in botocore's documentation. */
export function py(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

/** The notation of a shape's type as botocore's request syntax writes it ('string', 123, True|False, nested dicts, lists). */
export function typeNotation(model: ServiceModel, name: string, seen: ReadonlySet<string> = new Set()): string {
  const shape: ModelShape | undefined = model.shapes[name]
  if (!shape) return 'None'
  if (seen.has(name)) return '{...}'
  const inner = new Set(seen).add(name)
  switch (shape.type) {
    case 'string':
      return shape.enum ? shape.enum.map(py).join('|') : "'string'"
    case 'integer':
    case 'long':
      return '123'
    case 'double':
    case 'float':
      return '123.0'
    case 'boolean':
      return 'True|False'
    case 'timestamp':
      return 'datetime(2015, 1, 1)'
    case 'blob':
      return "b'bytes'"
    case 'list':
      return `[${typeNotation(model, shape.member!.shape, inner)}]`
    case 'map':
      return `{${typeNotation(model, shape.key!.shape, inner)}: ${typeNotation(model, shape.value!.shape, inner)}}`
    case 'structure':
      if (shape.document) return "{...}|[...]|123|123.4|'string'|True|None"
      return `{${Object.entries(shape.members ?? {})
        .map(([m, ref]) => `${py(m)}: ${typeNotation(model, ref.shape, inner)}`)
        .join(', ')}}`
  }
}

/** A change set in the seed document's notation: `{'IdentityProvider': {'ProviderType': {'OIDC'}}}`. */
export function renderTree(tree: ChangeTree): string {
  const parts = [...tree].map(
    ([key, value]) => `${py(key)}: ${value instanceof Map ? renderTree(value) : renderLeaf(value)}`,
  )
  return `{${parts.join(', ')}}`
}

function renderLeaf(leaf: ChangeLeaf): string {
  if (leaf.kind === 'values') return `{${leaf.values.map(py).join(', ')}}`
  return leaf.kind === 'type' ? leaf.text : py(leaf.text)
}

/** A change set as plain JSON: objects for members, arrays for enum values, strings for types and changes. */
export function treeJson(tree: ChangeTree): Record<string, unknown> {
  return Object.fromEntries(
    [...tree].map(([k, v]) => [k, v instanceof Map ? treeJson(v) : v.kind === 'values' ? [...v.values] : v.text]),
  )
}
