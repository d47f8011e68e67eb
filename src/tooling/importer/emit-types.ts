import {
  childSchemas,
  enumValues,
  mapValue,
  members,
  requiredMembers,
  type SchemaNode,
  shapeName,
} from '../../core/shared/walk.js'

/** How wire types appear: as JSON on the wire, or as the AWS SDK presents them. */
export type TypeFlavour = 'wire' | 'sdk'

function typeExpr(schema: SchemaNode, flavour: TypeFlavour, top: boolean): string {
  const name = shapeName(schema)
  if (!top && name) return name
  const values = enumValues(schema)
  if (values) return values.map((v) => `'${v}'`).join(' | ')
  if (schema['x-aws-document']) return flavour === 'sdk' ? 'DocumentValue' : 'unknown'
  if (schema['x-aws-timestamp']) return flavour === 'sdk' ? 'Date' : 'number'
  if (schema['x-aws-blob']) return flavour === 'sdk' ? 'Uint8Array' : 'string'
  switch (schema['type']) {
    case 'string':
      return 'string'
    case 'integer':
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'array':
      return `${typeExpr(schema['items'] as SchemaNode, flavour, false)}[]`
  }
  const value = mapValue(schema)
  if (value) return `Record<string, ${typeExpr(value, flavour, false)}>`
  throw new Error(`no TypeScript type for schema ${JSON.stringify(schema)}`)
}

function declaration(name: string, schema: SchemaNode, flavour: TypeFlavour): string {
  if (schema['type'] === 'object' && !mapValue(schema)) {
    const required = requiredMembers(schema)
    const body = members(schema).map(([m, s]) =>
      required.has(m)
        ? `  ${m}: ${typeExpr(s, flavour, false)}`
        : `  ${m}?: ${typeExpr(s, flavour, false)} | undefined`,
    )
    return body.length ? `export interface ${name} {\n${body.join('\n')}\n}` : `export type ${name} = object`
  }
  return `export type ${name} = ${typeExpr(schema, flavour, true)}`
}

/** One operation's request and response shape names. */
export interface OperationShapes {
  readonly name: string
  readonly input: string
  readonly output: string
}

/** The source of a types file: one declaration per shape, then the Shapes and Operations registries. */
export function emitTypes(
  headerLine: string,
  shapes: ReadonlyMap<string, SchemaNode>,
  operations: readonly OperationShapes[],
  flavour: TypeFlavour,
): string {
  const names = [...shapes.keys()].sort()
  const lines = [headerLine, '']
  if (flavour === 'sdk')
    lines.push(
      '/** A free-form JSON document, as the SDK types it. */',
      'export type DocumentValue = null | boolean | number | string | DocumentValue[] | { [prop: string]: DocumentValue }',
      '',
    )
  for (const name of names) lines.push(declaration(name, shapes.get(name)!, flavour), '')
  lines.push('/** Every shape of the contract, keyed by name. */', 'export interface Shapes {')
  for (const name of names) lines.push(`  ${name}: ${name}`)
  lines.push('}', '', '/** Every operation with its request and response types. */', 'export interface Operations {')
  for (const op of operations) lines.push(`  ${op.name}: { input: ${op.input}; output: ${op.output} }`)
  lines.push('}', '', '/** The name of an operation. */', 'export type OperationName = keyof Operations', '')
  return lines.join('\n')
}

/** Every named shape reachable from a schema, the schema itself included. */
export function reachableShapes(root: SchemaNode, into = new Map<string, SchemaNode>()): Map<string, SchemaNode> {
  const name = shapeName(root)
  if (name) {
    if (into.has(name)) return into
    into.set(name, root)
  }
  for (const child of childSchemas(root)) reachableShapes(child, into)
  return into
}
