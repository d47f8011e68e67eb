import fc from 'fast-check'
import type { TSchema } from 'typebox'
import type { SchemaNode } from '../../shared/walk.js'
import type { Side } from '../../validate/validate-schema.js'
import { validateSchema } from '../../validate/validate-schema.js'
import { deriverFor } from '../arbitrary.js'
import type { ArbitraryOptions } from '../options.js'
import { withEnvironment } from '../realism/ids.js'
import { resolveTarget, type Target } from '../targets.js'
import { applyAt, badValue } from './mutations.js'
import { type Site, sitesOf, type ViolationKind } from './sites.js'

export type { ViolationKind } from './sites.js'

/** A value that breaks exactly one constraint, with what it breaks and what Cognito answers. */
export interface InvalidSample {
  readonly value: unknown
  readonly violation: {
    readonly kind: ViolationKind
    /** Wire member names and list indexes of the broken value. */
    readonly at: ReadonlyArray<string | number>
    /** Cognito's path of it, as the message names it (`userAttributes.1.member.name`). */
    readonly path: string
  }
  readonly exception: 'InvalidParameterException' | 'SerializationException'
  /** Exactly the message `validate` returns, and Cognito sends, for this value. */
  readonly message: string
}

/** Options of `invalidArbitrary`. */
export interface InvalidOptions extends ArbitraryOptions {
  /** For an operation: break its request (default) or its response. */
  readonly side?: Side | undefined
  /** Only these kinds of violation. */
  readonly kinds?: readonly ViolationKind[] | undefined
}

const KIND_KEYWORDS: Record<ViolationKind, readonly string[]> = {
  required: ['required'],
  type: [],
  maxLength: ['maxLength', 'items', 'mapValues'],
  minLength: ['minLength', 'items', 'mapValues'],
  pattern: ['pattern', 'items', 'mapValues'],
  enum: ['enum', 'items'],
  maximum: ['maximum', 'items'],
  minimum: ['minimum', 'items'],
  maxItems: ['maxItems'],
  minItems: ['minItems'],
}

function judge(schema: SchemaNode, site: Site, value: unknown): InvalidSample | undefined {
  const result = validateSchema(schema as unknown as TSchema, value)
  if (result.valid) return undefined
  if (site.kind === 'type') {
    if (result.exception !== 'SerializationException') return undefined
    return {
      value,
      violation: { kind: site.kind, at: site.at, path: result.errors[0]!.path },
      exception: result.exception,
      message: result.message,
    }
  }
  if (result.exception !== 'InvalidParameterException' || result.errors.length !== 1) return undefined
  const [issue] = result.errors
  if (!KIND_KEYWORDS[site.kind].includes(issue!.keyword)) return undefined
  return {
    value,
    violation: { kind: site.kind, at: site.at, path: issue!.path },
    exception: result.exception,
    message: result.message,
  }
}

/** How many draws decide, at a fixed seed, whether a site can be broken on its own. */
const FEASIBILITY_PROBES = 12

/** Whether most bad values of a site break its constraint and nothing else, judged on the value alone. */
function feasible(site: Site, bad: fc.Arbitrary<unknown>): boolean {
  if (site.kind === 'required' || site.kind === 'type') return true
  const draws = fc.sample(bad, { seed: 3, numRuns: FEASIBILITY_PROBES })
  const alone = draws.filter((v) => {
    if (v === undefined) return false
    const r = validateSchema(site.schema as unknown as TSchema, v)
    return (
      !r.valid &&
      r.exception === 'InvalidParameterException' &&
      r.errors.length === 1 &&
      KIND_KEYWORDS[site.kind].includes(r.errors[0]!.keyword)
    )
  })
  return alone.length >= FEASIBILITY_PROBES / 2
}

/**
 * Values of a shape or operation that break exactly one constraint: a missing required member, a wrong
 * JSON type, a string too long or short, a pattern or enum mismatch, a number or list out of range.
 * Each comes with the violation and Cognito's exact message. Sites where one constraint cannot be
 * broken alone (a fixed-length pattern made longer) are left out.
 */
export function invalidArbitrary(target: Target, options: InvalidOptions = {}): fc.Arbitrary<InvalidSample> {
  const { side = 'request', kinds, ...arbitraryOptions } = options
  const schema = resolveTarget(target, side)
  const d = deriverFor(cacheOptions(arbitraryOptions))
  const full = deriverFor(cacheOptions({ ...arbitraryOptions, presence: 'full', listSize: { min: 1, max: 2 } }))
  const base = full.derive(schema, { path: [], member: undefined })
  const placeholders = {
    region: d.options.drawRegion ? d.options.region : undefined,
    account: d.options.drawAccount ? d.options.accountId : undefined,
  }
  const perSite = sitesOf(schema)
    .filter((site) => !kinds || kinds.includes(site.kind))
    .map((site) => ({ site, bad: badValue(site, d) }))
    .filter(({ site, bad }) => feasible(site, bad))
    .map(({ site, bad }) =>
      withEnvironment(
        fc.tuple(base, bad).map(([valid, b]) => (b === undefined ? undefined : applyAt(valid, site.at, b))),
        placeholders,
      ).map((value) => (value === undefined ? undefined : judge(schema, site, value))),
    )
  if (perSite.length === 0) throw new TypeError('no constraint of this target can be broken on its own')
  return fc.oneof(...perSite).filter((s): s is InvalidSample => s !== undefined)
}

const optionCache = new Map<string, ArbitraryOptions>()
function cacheOptions(options: ArbitraryOptions): ArbitraryOptions {
  if (options.overrides) return options
  const key = JSON.stringify(options)
  let cached = optionCache.get(key)
  if (!cached) optionCache.set(key, (cached = options))
  return cached
}
