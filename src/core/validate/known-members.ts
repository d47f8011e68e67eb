import { asNode, mapValue, members, type SchemaNode } from '../shared/walk.js'

/** A function that gives back a value without the members its schema does not name (the same value when it has none). */
type Pruner = (value: unknown) => unknown

const pruners = new WeakMap<object, Pruner | null>()

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function structure(properties: ReadonlyArray<[string, SchemaNode]>): Pruner {
  const known = new Set(properties.map(([key]) => key))
  const children = new Map<string, Pruner>()
  for (const [key, member] of properties) {
    const child = prunerOf(member)
    if (child) children.set(key, child)
  }
  return (value) => {
    if (!isRecord(value)) return value
    let out: Record<string, unknown> | undefined
    for (const key of Object.keys(value)) {
      if (!known.has(key)) {
        out ??= { ...value }
        delete out[key]
        continue
      }
      const child = children.get(key)
      if (!child) continue
      const member = value[key]
      const pruned = child(member)
      if (pruned !== member) {
        out ??= { ...value }
        out[key] = pruned
      }
    }
    return out ?? value
  }
}

function list(item: Pruner): Pruner {
  return (value) => {
    if (!Array.isArray(value)) return value
    let out: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const pruned = item(value[i])
      if (pruned !== value[i]) {
        out ??= [...value]
        out[i] = pruned
      }
    }
    return out ?? value
  }
}

function map(entry: Pruner): Pruner {
  return (value) => {
    if (!isRecord(value)) return value
    let out: Record<string, unknown> | undefined
    for (const key of Object.keys(value)) {
      const pruned = entry(value[key])
      if (pruned !== value[key]) {
        out ??= { ...value }
        out[key] = pruned
      }
    }
    return out ?? value
  }
}

/** The pruner of a schema, or null where nothing inside it can be unknown (scalars, enums, documents). */
function prunerOf(schema: object): Pruner | null {
  const known = pruners.get(schema)
  if (known !== undefined) return known
  // A shape that refers to itself finds its own pruner through this forward reference.
  let built: Pruner | null = null
  pruners.set(schema, (value) => (built ? built(value) : value))
  const node = asNode(schema)
  const value = mapValue(node)
  if (node['properties']) built = structure(members(node))
  else if (node['items']) {
    const item = prunerOf(node['items'] as object)
    built = item ? list(item) : null
  } else if (value) {
    const pruned = prunerOf(value)
    built = pruned ? map(pruned) : null
  }
  pruners.set(schema, built)
  return built
}

/**
 * The value without the members its schema does not name, at any depth (the value itself when there are none; never
 * changed in place). AWS's JSON protocols ignore members a service does not model (measured on another awsJson1_1
 * service; the Smithy guide's rule for clients), so they are never stored, echoed or recorded. Unions and documents
 * are kept whole.
 */
export function knownMembers(schema: object, value: unknown): unknown {
  const prune = prunerOf(schema)
  return prune ? prune(value) : value
}
