import fc from 'fast-check'
import type { Static, TSchema } from 'typebox'
import type { Operations, Shapes } from '../../../generated/types.js'
import type { OperationName } from '../../../schemas/operations.js'
import type { SchemaNode } from '../shared/walk.js'
import type { OperationSchemas, Side } from '../validate/validate-schema.js'
import { Deriver } from './deriver.js'
import { type ArbitraryOptions, resolveOptions } from './options.js'
import { withEnvironment } from './realism/ids.js'
import { operationSchema, resolveTarget, type Target } from './targets.js'

const DEFAULTS: ArbitraryOptions = {}
const derivers = new WeakMap<ArbitraryOptions, Deriver>()

/** The deriver for a set of options (one per options object, so reuse the object to reuse the cache). */
export function deriverFor(options: ArbitraryOptions = DEFAULTS): Deriver {
  let d = derivers.get(options)
  if (!d) {
    d = new Deriver(resolveOptions(options))
    derivers.set(options, d)
  }
  return d
}

/**
 * A whole value's arbitrary: derived at the root, then given one region and one account throughout; with `plain`,
 * every value a fresh JSON copy (what `sample` hands out).
 */
export function rootArbitrary(d: Deriver, schema: SchemaNode, plain = false): fc.Arbitrary<unknown> {
  const { drawRegion, drawAccount, region, accountId } = d.options
  return withEnvironment(
    d.derive(schema, { path: [], member: undefined }),
    { region: drawRegion ? region : undefined, account: drawAccount ? accountId : undefined },
    plain,
  )
}

/** Values of a shape (by name) or of any TypeBox schema, ours or one built from ours. */
export function arbitrary<K extends keyof Shapes>(shape: K, options?: ArbitraryOptions): fc.Arbitrary<Shapes[K]>
export function arbitrary<S extends TSchema>(schema: S, options?: ArbitraryOptions): fc.Arbitrary<Static<S>>
export function arbitrary(target: Target, options?: ArbitraryOptions): fc.Arbitrary<unknown>
export function arbitrary(target: Target, options?: ArbitraryOptions): fc.Arbitrary<unknown> {
  return rootArbitrary(deriverFor(options), resolveTarget(target))
}

function sideArbitrary(
  op: OperationName | OperationSchemas,
  side: Side,
  options?: ArbitraryOptions | undefined,
): fc.Arbitrary<unknown> {
  return rootArbitrary(deriverFor(options), operationSchema(op, side))
}

/** Valid requests of an operation. */
export function requestArbitrary<K extends OperationName>(
  op: K | OperationSchemas,
  options?: ArbitraryOptions | undefined,
): fc.Arbitrary<Operations[K]['input']> {
  return sideArbitrary(op, 'request', options) as fc.Arbitrary<Operations[K]['input']>
}

/** Valid responses of an operation. */
export function responseArbitrary<K extends OperationName>(
  op: K | OperationSchemas,
  options?: ArbitraryOptions | undefined,
): fc.Arbitrary<Operations[K]['output']> {
  return sideArbitrary(op, 'response', options) as fc.Arbitrary<Operations[K]['output']>
}

/** Options of `sample`. */
export interface SampleOptions extends ArbitraryOptions {
  /** The seed; the same seed gives the same values on every run and machine. Default 0. */
  readonly seed?: number | undefined
  /** How many values. Default 1. */
  readonly count?: number | undefined
  /** For an operation: its request or its response (default). */
  readonly side?: Side | undefined
}

const sampleDerivers = new Map<string, ArbitraryOptions>()

/** Plain JSON values drawn from a shape, an operation's request or response, or a schema. */
export function sample<K extends keyof Shapes>(shape: K, options?: SampleOptions): Array<Shapes[K]>
export function sample<K extends OperationName>(
  op: K,
  options: SampleOptions & { readonly side: 'request' },
): Array<Operations[K]['input']>
export function sample<K extends OperationName>(
  op: K,
  options?: (SampleOptions & { readonly side?: 'response' }) | undefined,
): Array<Operations[K]['output']>
export function sample<S extends TSchema>(schema: S, options?: SampleOptions): Array<Static<S>>
export function sample(target: Target, options?: SampleOptions): unknown[]
export function sample(target: Target, options: SampleOptions = {}): unknown[] {
  const { seed = 0, count = 1, side = 'response', ...rest } = options
  const key = JSON.stringify(rest)
  let shared = sampleDerivers.get(key)
  if (!shared && !rest.overrides) {
    shared = rest
    sampleDerivers.set(key, shared)
  }
  const arb = rootArbitrary(deriverFor(shared ?? rest), resolveTarget(target, side), true)
  return fc.sample(arb, { seed, numRuns: count })
}
