import fc from 'fast-check'
import { compileMatcher } from '../../regex/matcher.js'
import { countCodePoints } from '../../shared/text.js'
import { enumValues, type SchemaNode } from '../../shared/walk.js'
import type { Deriver } from '../deriver.js'
import { regexArbitrary } from '../from-regex.js'
import type { Site } from './sites.js'

/** Marks a member to delete instead of a value to put. */
export const MISSING = Symbol('missing')

/** A valid string stretched past `target` characters by repeating one of its own characters where the pattern still holds. */
function stretch(valid: string, target: number, matches: (s: string) => boolean): string | undefined {
  const chars = [...valid]
  for (let i = 0; i < chars.length; i++) {
    const candidate = [...chars.slice(0, i), chars[i]!.repeat(target - chars.length + 1), ...chars.slice(i + 1)].join(
      '',
    )
    if (matches(candidate)) return candidate
  }
  return undefined
}

/** A value that breaks the site's constraint, or undefined when this draw could not (the caller skips it). */
export function badValue(site: Site, d: Deriver): fc.Arbitrary<unknown> {
  const s = site.schema
  const min = (s['minLength'] as number | undefined) ?? 0
  const max = (s['maxLength'] as number | undefined) ?? Number.MAX_SAFE_INTEGER
  const java = s['x-aws-pattern'] as string | undefined
  const matches = java === undefined ? () => true : compileMatcher(java)
  const valid = (): fc.Arbitrary<string> => d.derive(s, { path: [], member: undefined }) as fc.Arbitrary<string>
  switch (site.kind) {
    case 'required':
      return fc.constant(MISSING)
    case 'type':
      return wrongType(s)
    case 'maxLength':
      return valid().map((v) => stretch(v, max + 1, matches))
    case 'minLength':
      return (java === undefined ? fc.constant('a'.repeat(Math.max(0, min - 1))) : regexArbitrary(java, false)).map(
        (v) => (countCodePoints(v) < min && matches(v) ? v : undefined),
      )
    case 'pattern':
      return fc.tuple(valid(), fc.constantFrom(' ', '\u0000', '\t', '#', '%', '_', 'é', '\u00a0')).map(([v, c]) => {
        const bad = c + [...v].slice(1).join('')
        return countCodePoints(bad) >= min && countCodePoints(bad) <= max && !matches(bad) ? bad : undefined
      })
    case 'enum': {
      const values = enumValues(s)!
      return fc
        .constantFrom(...values.map((v) => v.toLowerCase()), `${values[0]}_UNKNOWN`, 'NONE_OF_THESE')
        .map((v) => (values.includes(v) ? undefined : v))
    }
    case 'maximum':
      return fc.integer({ min: 1, max: 1000 }).map((k) => (s['maximum'] as number) + k)
    case 'minimum':
      return fc.integer({ min: 1, max: 1000 }).map((k) => (s['minimum'] as number) - k)
    case 'maxItems': {
      const n = (s['maxItems'] as number) + 1
      return fc.array(d.derive(s['items'] as SchemaNode, { path: [], member: undefined }), {
        minLength: n,
        maxLength: n,
      })
    }
    case 'minItems':
      return fc.array(d.derive(s['items'] as SchemaNode, { path: [], member: undefined }), {
        minLength: 0,
        maxLength: (s['minItems'] as number) - 1,
      })
  }
}

function wrongType(s: SchemaNode): fc.Arbitrary<unknown> {
  if (enumValues(s) || s['type'] === 'string') return fc.constantFrom<unknown>(12, true, { value: 'x' }, ['x'])
  if (s['type'] === 'integer' || s['type'] === 'number') return fc.constantFrom<unknown>('12', true, 1.5, { value: 1 })
  if (s['type'] === 'boolean') return fc.constantFrom<unknown>('true', 1, ['true'])
  if (s['type'] === 'array') return fc.constantFrom<unknown>('x', 3, { value: 'x' })
  return fc.constantFrom<unknown>('x', 3, ['x'])
}

/** A copy of `value` with the site's value replaced (or its member removed); undefined when the path is not there. */
export function applyAt(value: unknown, at: ReadonlyArray<string | number>, replacement: unknown): unknown {
  if (at.length === 0) return replacement
  const [head, ...rest] = at
  if (typeof head === 'number') {
    if (!Array.isArray(value) || value.length === 0) return undefined
    const inner = applyAt(value[head], rest, replacement)
    return inner === undefined ? undefined : value.map((v, i) => (i === head ? inner : v))
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const record = value as Record<string, unknown>
  if (rest.length === 0) {
    const { [head!]: _removed, ...others } = record
    return replacement === MISSING ? others : { ...record, [head!]: replacement }
  }
  if (!(head! in record)) return undefined
  const inner = applyAt(record[head!], rest, replacement)
  return inner === undefined ? undefined : { ...record, [head!]: inner }
}
