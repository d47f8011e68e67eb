import type { ServiceModel } from '../model/model.js'
import { emptyOutputName } from './emit-typebox.js'
import { header, modelLabel, objectLiteral, quote } from './source.js'

/** A paginator of the model's companion "paginators-1.json". */
export interface Paginator {
  readonly input_token: string
  readonly output_token: string
  readonly limit_key?: string | undefined
  readonly result_key: string
}

/** The operation names of a model, sorted. */
export function operationNames(model: ServiceModel): string[] {
  return Object.keys(model.operations).sort()
}

function label(model: ServiceModel): string {
  return modelLabel(model.metadata.endpointPrefix, model.metadata.apiVersion)
}

/** The source of `schemas/operations/<Op>.ts`: one operation's descriptor, importable alone. */
export function emitOperation(model: ServiceModel, name: string, paginator: Paginator | undefined): string {
  const op = model.operations[name]!
  const input = op.input!.shape
  const output = op.output?.shape ?? emptyOutputName(name)
  const errors = (op.errors ?? []).map((e) => quote(e.shape)).join(', ')
  const lines = [
    header(label(model)),
    `import { ${[input, output].sort().join(', ')} } from '../shapes.js'`,
    '',
    `/** The ${name} operation: its target, request and response schemas and modelled errors. */`,
    `export const ${name} = {`,
    `  name: ${quote(name)},`,
    `  target: ${quote(`${model.metadata.targetPrefix}.${name}`)},`,
    `  input: ${input},`,
    `  output: ${output},`,
    `  errors: [${errors}],`,
  ]
  if (paginator) {
    const fields: Array<[string, unknown]> = [
      ['inputToken', paginator.input_token],
      ['outputToken', paginator.output_token],
    ]
    if (paginator.limit_key) fields.push(['limitKey', paginator.limit_key])
    fields.push(['resultKey', paginator.result_key])
    lines.push(`  paginator: ${objectLiteral(fields)},`)
  }
  lines.push('} as const', '', `export { ${input} as Request, ${output} as Response }`, '')
  return lines.join('\n')
}

/** The source of `schemas/operations.ts`: the catalog of every operation. */
export function emitCatalog(model: ServiceModel): string {
  const names = operationNames(model)
  return [
    header(label(model)),
    ...names.map((n) => `import { ${n} } from './operations/${n}.js'`),
    '',
    '/** Every operation of the service, keyed by name. */',
    'export const operations = {',
    ...names.map((n) => `  ${n},`),
    '} as const',
    '',
    '/** The name of an operation of the service. */',
    'export type OperationName = keyof typeof operations',
    '',
  ].join('\n')
}

/** The source of `schemas/service.ts`: the service's protocol metadata. */
export function emitService(model: ServiceModel, sha256?: string | undefined): string {
  const m = model.metadata
  const fields: Array<[string, unknown]> = [
    ['serviceFullName', m.serviceFullName],
    ['endpointPrefix', m.endpointPrefix],
    ['apiVersion', m.apiVersion],
    ['protocol', m.protocol],
    ['jsonVersion', m.jsonVersion ?? '1.1'],
    ['targetPrefix', m.targetPrefix],
    ['operationCount', Object.keys(model.operations).length],
  ]
  // Which model file the contract came from: consumer contracts record it.
  if (sha256 !== undefined) fields.push(['modelSha256', sha256])
  return [
    header(label(model)),
    '/** The service this contract describes and how it is called. */',
    `export const service = ${objectLiteral(fields)
      .replace('{ ', '{\n  ')
      .replace(/, (?=\w+:)/g, ',\n  ')
      .replace(/ \}$/, ',\n}')} as const`,
    '',
  ].join('\n')
}

/** The source of `schemas/index.ts`. */
export function emitIndex(model: ServiceModel): string {
  return [
    header(label(model)),
    `export * from './shapes.js'`,
    `export { operations, type OperationName } from './operations.js'`,
    `export { service } from './service.js'`,
    '',
  ].join('\n')
}
