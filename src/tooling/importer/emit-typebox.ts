import { javaPatternToJs } from '../../core/regex/to-js.js'
import { type ModelShape, type ServiceModel, topologicalShapes } from '../model/model.js'
import { header, modelLabel, objectLiteral, quote } from './source.js'

const PURE = '/*#__PURE__*/ '
const VALUE = '\u0000value'
const KEY = '\u0000key'
/** Base64 text, padded, as blobs travel in awsJson. */
export const BASE64_PATTERN = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$'

/** Map keys of any text, newlines included (`^.*$`, TypeBox's default, lets a key with a newline skip its value's schema). */
const ANY_KEY = '^[\\s\\S]*$'

/** The name of the empty response structure synthesised for an operation without output. */
export function emptyOutputName(operation: string): string {
  return `${operation}Response`
}

function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3)
}

function stringOptions(name: string, shape: ModelShape): Array<[string, unknown]> {
  const options: Array<[string, unknown]> = []
  if (shape.min !== undefined) options.push(['minLength', shape.min])
  if (shape.max !== undefined) options.push(['maxLength', shape.max])
  if (shape.pattern !== undefined) options.push(['pattern', javaPatternToJs(shape.pattern)])
  options.push(['x-aws-shape', name])
  if (shape.pattern !== undefined) options.push(['x-aws-pattern', shape.pattern])
  if (shape.sensitive) options.push(['x-aws-sensitive', true])
  return options
}

function expression(name: string, shape: ModelShape): string {
  const meta: Array<[string, unknown]> = [['x-aws-shape', name]]
  if (shape.sensitive) meta.push(['x-aws-sensitive', true])
  switch (shape.type) {
    case 'string':
      if (shape.enum) {
        const literals = shape.enum.map((v) => `${PURE}Type.Literal(${quote(v)})`).join(', ')
        return `Type.Union([${literals}], ${objectLiteral(stringOptions(name, shape))})`
      }
      return `Type.String(${objectLiteral(stringOptions(name, shape))})`
    case 'integer':
    case 'long': {
      const options: Array<[string, unknown]> = []
      if (shape.min !== undefined) options.push(['minimum', shape.min])
      if (shape.max !== undefined) options.push(['maximum', shape.max])
      if (shape.type === 'long') meta.push(['x-aws-long', true])
      return `Type.Integer(${objectLiteral([...options, ...meta])})`
    }
    case 'double':
    case 'float':
      return `Type.Number(${objectLiteral(meta)})`
    case 'boolean':
      return `Type.Boolean(${objectLiteral(meta)})`
    case 'timestamp':
      return `Type.Number(${objectLiteral([...meta, ['x-aws-timestamp', 'epoch-seconds']])})`
    case 'blob': {
      const options: Array<[string, unknown]> = [['contentEncoding', 'base64']]
      if (shape.min !== undefined) options.push(['minLength', base64Length(shape.min)])
      if (shape.max !== undefined) options.push(['maxLength', base64Length(shape.max)])
      options.push(['pattern', BASE64_PATTERN])
      const bytes: Array<[string, unknown]> = []
      if (shape.min !== undefined) bytes.push(['minBytes', shape.min])
      if (shape.max !== undefined) bytes.push(['maxBytes', shape.max])
      return `Type.String(${objectLiteral([...options, ...meta, ['x-aws-blob', Object.fromEntries(bytes)]])})`
    }
    case 'list': {
      const options: Array<[string, unknown]> = []
      if (shape.min !== undefined) options.push(['minItems', shape.min])
      if (shape.max !== undefined) options.push(['maxItems', shape.max])
      return `Type.Array(${shape.member!.shape}, ${objectLiteral([...options, ...meta])})`
    }
    case 'map': {
      // Type.Record would pull TypeBox's key-pattern engine (~40 kB minified) into every bundle.
      const options: Array<[string, unknown]> = [
        ['type', 'object'],
        ['patternProperties', { [ANY_KEY]: VALUE }],
        ['propertyNames', KEY],
      ]
      if (shape.min !== undefined) options.push(['minProperties', shape.min])
      if (shape.max !== undefined) options.push(['maxProperties', shape.max])
      const literal = objectLiteral([...options, ...meta])
        .replace(quote(VALUE), shape.value!.shape)
        .replace(quote(KEY), shape.key!.shape)
      return `Type.Unsafe<{ [key: string]: Static<typeof ${shape.value!.shape}> }>(${literal})`
    }
    case 'structure':
      if (shape.document) return `Type.Unknown(${objectLiteral([...meta, ['x-aws-document', true]])})`
      return structure(shape, meta)
  }
}

function structure(shape: ModelShape, meta: Array<[string, unknown]>): string {
  const required = new Set(shape.required ?? [])
  const members = Object.entries(shape.members ?? {}).map(([member, ref]) => {
    const type = required.has(member) ? ref.shape : `${PURE}Type.Optional(${ref.shape})`
    return `  ${member}: ${type},`
  })
  if (shape.exception) meta.push(['x-aws-error', { fault: shape.fault ? 'server' : 'client' }])
  if (members.length === 0) return `Type.Object({}, ${objectLiteral(meta)})`
  return `Type.Object({\n${members.join('\n')}\n}, ${objectLiteral(meta)})`
}

function shapeKind(shape: ModelShape): string {
  if (shape.exception) return 'error'
  if (shape.type === 'string' && shape.enum) return 'enum'
  return shape.type
}

/** The TypeBox source of `schemas/shapes.ts`: every shape of the model, dependencies first. */
export function emitShapes(model: ServiceModel): string {
  const label = modelLabel(model.metadata.endpointPrefix, model.metadata.apiVersion)
  const lines = [
    header(label),
    `import type { Static } from 'typebox'`,
    // TypeBox's builders without TypeBox's start-up cost: the same objects (test/core/type/builders.test.ts).
    `import * as Type from '../src/core/type/builders.js'`,
    '',
  ]
  for (const name of topologicalShapes(model)) {
    const shape = model.shapes[name]!
    lines.push(`/** The ${name} shape (${shapeKind(shape)}). */`)
    lines.push(`export const ${name} = ${PURE}${expression(name, shape)}`, '')
  }
  for (const [op, operation] of Object.entries(model.operations).sort(([a], [b]) => a.localeCompare(b))) {
    if (operation.output) continue
    const name = emptyOutputName(op)
    if (model.shapes[name]) throw new Error(`cannot synthesise ${name}: the model already has that shape`)
    lines.push(`/** The empty response of ${op}. */`)
    lines.push(
      `export const ${name} = ${PURE}Type.Object({}, ${objectLiteral([
        ['x-aws-shape', name],
        ['x-aws-synthetic', true],
      ])})`,
      '',
    )
  }
  return lines.join('\n')
}
