import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { SchemaNode } from '../../core/shared/walk.js'
import type { ServiceModel } from '../model/model.js'
import { jsonSchemaDocument } from './emit-json-schema.js'
import {
  emitCatalog,
  emitIndex,
  emitOperation,
  emitService,
  operationNames,
  type Paginator,
} from './emit-operations.js'
import { emitShapes, emptyOutputName } from './emit-typebox.js'
import { emitTypes, type OperationShapes } from './emit-types.js'
import { header, modelLabel } from './source.js'

/** Generated files keyed by their path relative to the project root. */
export type GeneratedFiles = Map<string, string>

/** What the importer reads. */
export interface ImportInput {
  readonly model: ServiceModel
  readonly paginators?: Readonly<Record<string, Paginator>> | undefined
  /** The SHA-256 of the model file, recorded in `generated/contract.json`. */
  readonly sha256?: string | undefined
  /** The project root, where a staging folder is made to load the fresh schemas back. */
  readonly root: string
}

/** The sources of `schemas/`, derived from the model alone. */
export function schemaFiles(input: ImportInput): GeneratedFiles {
  const { model } = input
  const files: GeneratedFiles = new Map()
  files.set('schemas/shapes.ts', emitShapes(model))
  for (const name of operationNames(model))
    files.set(`schemas/operations/${name}.ts`, emitOperation(model, name, input.paginators?.[name]))
  files.set('schemas/operations.ts', emitCatalog(model))
  files.set('schemas/service.ts', emitService(model, input.sha256))
  files.set('schemas/index.ts', emitIndex(model))
  return files
}

function operationShapes(model: ServiceModel): OperationShapes[] {
  return operationNames(model).map((name) => {
    const op = model.operations[name]!
    return { name, input: op.input!.shape, output: op.output?.shape ?? emptyOutputName(name) }
  })
}

/** A documentation-free copy of the model's facts, itself a botocore model: what later change reports compare against. */
function contractJson(model: ServiceModel, comment: string, sha256: string | undefined): string {
  const operations = Object.fromEntries(
    operationNames(model).map((name) => {
      const op = model.operations[name]!
      return [
        name,
        {
          name,
          ...(op.input && { input: { shape: op.input.shape } }),
          ...(op.output && { output: { shape: op.output.shape } }),
          errors: (op.errors ?? []).map((e) => ({ shape: e.shape })),
        },
      ]
    }),
  )
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'documentation')
        .map(([k, v]) => [k, strip(v)]),
    )
  }
  const shapes = Object.fromEntries(
    Object.keys(model.shapes)
      .sort()
      .map((name) => [name, strip(model.shapes[name])]),
  )
  const source = {
    ...(sha256 !== undefined && { sha256 }),
    operations: Object.keys(model.operations).length,
    shapes: Object.keys(model.shapes).length,
  }
  return `${JSON.stringify({ $comment: comment, 'x-model': source, metadata: strip(model.metadata), operations, shapes }, null, 2)}\n`
}

/** The files of `generated/`, derived from the TypeBox shapes module. */
export function generatedFiles(
  model: ServiceModel,
  shapes: Readonly<Record<string, unknown>>,
  sha256?: string | undefined,
): GeneratedFiles {
  const label = modelLabel(model.metadata.endpointPrefix, model.metadata.apiVersion)
  const line = header(label)
  const comment = line.replace(/^\/\/ /, '')
  const byName = new Map(Object.entries(shapes).map(([name, schema]) => [name, schema as SchemaNode]))
  const ops = operationShapes(model)
  const files: GeneratedFiles = new Map()
  files.set('generated/types.ts', emitTypes(line, byName, ops, 'wire'))
  files.set('generated/sdk-types.ts', emitTypes(line, byName, ops, 'sdk'))
  for (const op of ops) {
    for (const [side, shape] of [
      ['request', op.input],
      ['response', op.output],
    ] as const) {
      const id = `urn:cognito-idp-contract:${model.metadata.apiVersion}:${op.name}:${side}`
      files.set(`generated/json-schema/${op.name}.${side}.json`, jsonSchemaDocument(id, comment, byName.get(shape)!))
    }
  }
  files.set('generated/contract.json', contractJson(model, comment, sha256))
  return files
}

/** Runs the whole import: schemas from the model, then generated artifacts from those schemas. */
export async function importModel(input: ImportInput): Promise<GeneratedFiles> {
  const files = schemaFiles(input)
  const staging = join(input.root, '.tmp', `import-${process.pid}-${Date.now()}`)
  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(staging, path)), { recursive: true })
      writeFileSync(join(staging, path), text)
    }
    // The staged shapes import the builders by the path they have in the repository.
    const builders = 'src/core/type/builders.ts'
    mkdirSync(dirname(join(staging, builders)), { recursive: true })
    writeFileSync(join(staging, builders), readFileSync(join(input.root, builders)))
    const shapes = (await import(pathToFileURL(join(staging, 'schemas/shapes.ts')).href)) as Record<string, unknown>
    for (const [path, text] of generatedFiles(input.model, shapes, input.sha256)) files.set(path, text)
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  return files
}

/** Reads the paginators file that sits beside a model, if there is one. */
export function loadPaginators(modelPath: string): Record<string, Paginator> | undefined {
  const path = join(dirname(modelPath), 'paginators-1.json')
  if (!existsSync(path)) return undefined
  return (JSON.parse(readFileSync(path, 'utf8')) as { pagination: Record<string, Paginator> }).pagination
}
