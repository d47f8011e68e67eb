import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** A member reference inside a structure, list or map of a botocore model. */
export interface MemberRef {
  readonly shape: string
  readonly deprecated?: boolean
}

/** One shape of a botocore "service-2" model, with only the fields the importer reads. */
export interface ModelShape {
  readonly type:
    | 'structure'
    | 'string'
    | 'integer'
    | 'long'
    | 'boolean'
    | 'list'
    | 'map'
    | 'timestamp'
    | 'blob'
    | 'double'
    | 'float'
  readonly members?: Readonly<Record<string, MemberRef>>
  readonly required?: readonly string[]
  readonly member?: MemberRef
  readonly key?: MemberRef
  readonly value?: MemberRef
  readonly min?: number
  readonly max?: number
  readonly pattern?: string
  readonly enum?: readonly string[]
  readonly sensitive?: boolean
  readonly exception?: boolean
  readonly fault?: boolean
  readonly document?: boolean
  readonly error?: { readonly code?: string; readonly httpStatusCode?: number; readonly senderFault?: boolean }
}

/** One operation of a botocore model. */
export interface ModelOperation {
  readonly name: string
  readonly input?: MemberRef
  readonly output?: MemberRef
  readonly errors?: readonly MemberRef[]
}

/** A botocore "service-2" model. */
export interface ServiceModel {
  readonly metadata: {
    readonly apiVersion: string
    readonly serviceFullName: string
    readonly targetPrefix: string
    readonly jsonVersion?: string
    readonly protocol: string
    readonly endpointPrefix: string
  }
  readonly operations: Readonly<Record<string, ModelOperation>>
  readonly shapes: Readonly<Record<string, ModelShape>>
}

/** Reads a model file; throws with the path when it is missing or not a botocore model. */
export function loadModel(path: string): ServiceModel {
  const model = JSON.parse(readFileSync(path, 'utf8')) as ServiceModel
  if (!model.metadata || !model.operations || !model.shapes) throw new Error(`${path} is not a botocore service model`)
  return model
}

/** The SHA-256 of a model file's bytes, as `generated/contract.json` records which model it came from. */
export function modelDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

/** The shapes a shape refers to directly, in member order. */
export function shapeDependencies(shape: ModelShape): string[] {
  if (shape.type === 'structure') return Object.values(shape.members ?? {}).map((m) => m.shape)
  if (shape.type === 'list') return [shape.member!.shape]
  if (shape.type === 'map') return [shape.key!.shape, shape.value!.shape]
  return []
}

/** Shape names ordered so that every shape comes after the shapes it uses; ties by name. */
export function topologicalShapes(model: ServiceModel): string[] {
  const order: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string): void => {
    const seen = state.get(name)
    if (seen === 'done') return
    if (seen === 'visiting') throw new Error(`recursive shape ${name} is not supported`)
    state.set(name, 'visiting')
    for (const dep of [...shapeDependencies(model.shapes[name]!)].sort()) visit(dep)
    state.set(name, 'done')
    order.push(name)
  }
  for (const name of Object.keys(model.shapes).sort()) visit(name)
  return order
}
