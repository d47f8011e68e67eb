import type fc from 'fast-check'
import type { SchemaNode } from '../shared/walk.js'

/** How many optional members a generated structure has. */
export type Presence = 'random' | 'minimal' | 'full'

/** Options of every arbitrary factory. */
export interface ArbitraryOptions {
  /** Values or arbitraries that replace what would be generated, keyed by shape name or by member path (`UserPool.Name`, lists transparent). */
  readonly overrides?: Readonly<Record<string, unknown>> | undefined
  /** The AWS region in ids and ARNs; drawn from real regions when not given. */
  readonly region?: string | undefined
  /** The 12-digit account id in ARNs; drawn when not given. */
  readonly accountId?: string | undefined
  /** Bounds on generated list and map sizes, within the model's own bounds. Default 0 to 3. */
  readonly listSize?: { readonly min?: number; readonly max?: number } | undefined
  /** `minimal`: required members only; `full`: every optional member present; `random` (default): each optional member half the time. */
  readonly presence?: Presence | undefined
  /** Plain ASCII only (`false`) or now and then letters, marks and symbols beyond it where a pattern allows (`true`, default). */
  readonly unicode?: boolean | undefined
  /** Adds unknown members and unknown enum values, as a newer service version could send (see `forwardCompatible`). */
  readonly forwardCompatible?: boolean | undefined
}

/** Stands for the region until a whole value is drawn; as long as the longest real region name. */
export const REGION_PLACEHOLDER = 'zz-zzzzzzzzz-9'
/** Stands for the account id until a whole value is drawn. */
export const ACCOUNT_PLACEHOLDER = '000000000000'

/** Options with defaults applied. */
export interface ResolvedOptions {
  readonly overrides: ReadonlyMap<string, unknown>
  /** The region ids and ARNs are built with: the caller's, or a placeholder each value replaces with one drawn region. */
  readonly region: string
  readonly accountId: string
  /** Whether region and account are drawn once per generated value (the caller fixed neither). */
  readonly drawRegion: boolean
  readonly drawAccount: boolean
  readonly listMin: number
  readonly listMax: number
  readonly presence: Presence
  readonly unicode: boolean
  readonly forwardCompatible: boolean
}

/** Applies the defaults. */
export function resolveOptions(options: ArbitraryOptions = {}): ResolvedOptions {
  return {
    overrides: new Map(Object.entries(options.overrides ?? {})),
    region: options.region ?? REGION_PLACEHOLDER,
    accountId: options.accountId ?? ACCOUNT_PLACEHOLDER,
    drawRegion: options.region === undefined,
    drawAccount: options.accountId === undefined,
    listMin: options.listSize?.min ?? 0,
    listMax: options.listSize?.max ?? 3,
    presence: options.presence ?? 'random',
    unicode: options.unicode ?? true,
    forwardCompatible: options.forwardCompatible ?? false,
  }
}

/** Where in a value an arbitrary is being derived. */
export interface DeriveContext {
  /** Member names from the root, lists and maps transparent. */
  readonly path: readonly string[]
  /** The member name this schema sits under, if any. */
  readonly member: string | undefined
  /** Definitions `$ref` may name (from enclosing `$defs`), and how many references deep this position is. */
  readonly defs?: Readonly<Record<string, SchemaNode>> | undefined
  readonly refDepth?: number | undefined
  /** Past the reference depth bound: only required members, and lists and maps at their minimum size. */
  readonly atLimit?: boolean | undefined
}

/** Whether a value is an fast-check arbitrary. */
export function isArbitrary(value: unknown): value is fc.Arbitrary<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { generate?: unknown }).generate === 'function' &&
    typeof (value as { shrink?: unknown }).shrink === 'function'
  )
}
