import fc from 'fast-check'
import { members, requiredMembers, type SchemaNode } from '../shared/walk.js'
import type { Deriver } from './deriver.js'
import type { DeriveContext } from './options.js'

const FUTURE_MEMBERS = ['FutureSetting', 'NewFeatureConfiguration', 'AdditionalDetails'] as const

/** Structures: required members always, optional ones as the presence option says. */
export function fromObject(schema: SchemaNode, ctx: DeriveContext, d: Deriver): fc.Arbitrary<Record<string, unknown>> {
  const required = requiredMembers(schema)
  const presence = ctx.atLimit ? 'minimal' : d.options.presence
  const entries = members(schema).filter(([name]) => presence !== 'minimal' || required.has(name))
  const model = Object.fromEntries(
    entries.map(([name, member]) => [name, d.derive(member, { ...ctx, path: [...ctx.path, name], member: name })]),
  )
  const requiredKeys =
    presence === 'full'
      ? entries.map(([name]) => name)
      : entries.map(([name]) => name).filter((name) => required.has(name))
  const dates = datePairs(entries.map(([name]) => name))
  const drawn = fc.record(model, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>
  const record = dates.length === 0 ? drawn : drawn.map((value) => orderDates(value, dates))
  if (!d.options.forwardCompatible || entries.length === 0) return record
  const extra = fc.option(fc.tuple(fc.constantFrom(...FUTURE_MEMBERS), fc.jsonValue({ maxDepth: 1 })), { freq: 3 })
  return fc.tuple(record, extra).map(([value, more]) => (more ? { ...value, [more[0]]: more[1] } : value))
}

/** Pairs such as CreationDate/LastModifiedDate or UserCreateDate/UserLastModifiedDate among member names. */
function datePairs(names: readonly string[]): Array<[string, string]> {
  return names.flatMap((created) => {
    const m = /^(.*?)(CreationDate|CreateDate)$/.exec(created)
    const modified = m ? `${m[1]}LastModifiedDate` : undefined
    return modified && names.includes(modified) ? [[created, modified] as [string, string]] : []
  })
}

/** Nothing is modified before it was created. */
function orderDates(value: Record<string, unknown>, pairs: ReadonlyArray<[string, string]>): Record<string, unknown> {
  let out = value
  for (const [created, modified] of pairs) {
    const a = out[created]
    const b = out[modified]
    if (typeof a === 'number' && typeof b === 'number' && b < a) out = { ...out, [created]: b, [modified]: a }
  }
  return out
}
