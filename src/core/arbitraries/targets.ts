import type { TSchema } from 'typebox'
import { type OperationName, operations } from '../../../schemas/operations.js'
import * as shapes from '../../../schemas/shapes.js'
import { asNode, type SchemaNode } from '../shared/walk.js'
import type { OperationSchemas, Side } from '../validate/validate-schema.js'

/** What an arbitrary can be asked for: a shape name, an operation (name or descriptor) with a side, or any schema. */
export type Target = string | TSchema

const byName = shapes as unknown as Record<string, TSchema>

/** The schema an operation name, a shape name or a schema stands for. */
export function resolveTarget(target: Target, side: Side = 'response'): SchemaNode {
  if (typeof target !== 'string') return asNode(target)
  const op = (operations as Record<string, OperationSchemas>)[target]
  if (op) return asNode(side === 'request' ? op.input : op.output)
  const shape = byName[target]
  if (!shape) throw new TypeError(`${target} is neither an operation nor a shape of the contract`)
  return asNode(shape)
}

/** The schema of one side of an operation given by name or descriptor. */
export function operationSchema(op: OperationName | OperationSchemas, side: Side): SchemaNode {
  const descriptor = typeof op === 'string' ? operations[op] : op
  if (!descriptor) throw new TypeError(`unknown operation ${String(op)}`)
  return asNode(side === 'request' ? descriptor.input : descriptor.output)
}
