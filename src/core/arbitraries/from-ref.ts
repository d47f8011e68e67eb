import type fc from 'fast-check'
import type { SchemaNode } from '../shared/walk.js'
import type { Deriver } from './deriver.js'
import type { DeriveContext } from './options.js'

/** How many references deep a recursive schema unfolds before only its required parts are generated. */
export const MAX_REF_DEPTH = 3
/** Past this many references the schema has no finite value (a required member refers back to itself). */
const HARD_LIMIT = 24

/** Definitions a schema brings into scope with `$defs`, keyed by name and by `$id`. */
export function withDefs(schema: SchemaNode, ctx: DeriveContext): DeriveContext {
  const defs = schema['$defs'] as Record<string, SchemaNode> | undefined
  if (!defs) return ctx
  const scoped: Record<string, SchemaNode> = { ...ctx.defs }
  for (const [name, def] of Object.entries(defs)) {
    scoped[name] = def
    if (typeof def['$id'] === 'string') scoped[def['$id']] = def
  }
  return { ...ctx, defs: scoped }
}

/** A `$ref` to a definition in scope (`Node` or `#/$defs/Node`), unfolded to a bounded depth. */
export function fromRef(schema: SchemaNode, ctx: DeriveContext, d: Deriver): fc.Arbitrary<unknown> {
  const ref = String(schema['$ref'])
  const name = ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : ref
  const target = ctx.defs?.[name]
  if (!target) throw new TypeError(`cognito-idp-contract: cannot resolve $ref ${ref}`)
  const depth = (ctx.refDepth ?? 0) + 1
  if (depth > HARD_LIMIT)
    throw new TypeError(`cognito-idp-contract: ${ref} has no finite value (a required member refers back to it)`)
  return d.derive(target, { ...ctx, refDepth: depth, atLimit: depth > MAX_REF_DEPTH })
}
