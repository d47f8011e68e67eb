import { compileMatcher, type Matcher } from '../regex/matcher.js'
import { countCodePoints } from '../shared/text.js'
import { cognitoEnumOrder } from './java-order.js'
import { constraintText, issueMessage } from './messages.js'
import { type JsonKind, serializationMessage } from './serialization.js'
import type { IssueKeyword, SerializationIssue, ValidationIssue } from './types.js'

type Schema = Readonly<Record<string, unknown>>

/** Where a walk collects what it finds. */
export interface Collector {
  readonly issues: ValidationIssue[]
  serialization?: SerializationIssue
}

/** Checks a present (non-null) value at a path. */
export type Check = (value: unknown, path: string, out: Collector) => void

/** Whether a present (non-null) value is valid: the same verdict as `check` finding nothing, without paths or messages. */
export type Valid = (value: unknown) => boolean

/** What a compiled schema checks, for the verdict's code generator (verdict.ts). */
export type Shape =
  | {
      readonly kind: 'string'
      readonly min: number | undefined
      readonly max: number | undefined
      /** Whether the length is in decoded base64 bytes (a blob) rather than code points. */
      readonly blob: boolean
      readonly length: (value: string) => boolean
      readonly matches: Matcher | undefined
    }
  | { readonly kind: 'enum'; readonly allowed: ReadonlySet<string> }
  | {
      readonly kind: 'number'
      readonly integer: boolean
      readonly min: number | undefined
      readonly max: number | undefined
    }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'any' }
  | { readonly kind: 'ref'; readonly resolve: () => Compiled }
  | {
      readonly kind: 'list'
      readonly item: Compiled
      readonly min: number | undefined
      readonly max: number | undefined
    }
  | {
      readonly kind: 'map'
      readonly key: Compiled | undefined
      readonly value: Compiled
      readonly min: number | undefined
      readonly max: number | undefined
    }
  | {
      readonly kind: 'structure'
      readonly members: ReadonlyArray<{
        readonly name: string
        readonly required: boolean
        readonly compiled: Compiled
      }>
    }

/** A schema compiled into its detailed walk, its fast verdict and what the generator needs. */
export interface Compiled {
  readonly shape: Shape
  readonly check: Check
  /** The fast verdict: true exactly when `check` would find nothing. */
  readonly valid: Valid
  /** The constraint texts of a scalar schema in the order Cognito lists them inside `[...]`. */
  readonly constraints: readonly string[]
  readonly scalar: boolean
  readonly sensitive: boolean
}

/** Definitions a `$ref` may name: the `$defs` of enclosing schemas, by name and by `$id`. */
type Scope = Readonly<Record<string, Schema>>
const NO_DEFS: Scope = Object.freeze({})
const caches = new WeakMap<Scope, WeakMap<Schema, Compiled>>()
const scopes = new WeakMap<Schema, Map<Scope, Scope>>()

/** The scope inside a schema that declares `$defs` (the same object each time, so compiled checks are reused). */
function scopeOf(schema: Schema, outer: Scope): Scope {
  const defs = schema['$defs'] as Record<string, Schema> | undefined
  if (!defs) return outer
  let byOuter = scopes.get(schema)
  if (!byOuter) scopes.set(schema, (byOuter = new Map()))
  let scope = byOuter.get(outer)
  if (!scope) {
    const next: Record<string, Schema> = { ...outer }
    for (const [name, def] of Object.entries(defs)) {
      next[name] = def
      if (typeof def['$id'] === 'string') next[def['$id']] = def
    }
    byOuter.set(outer, (scope = next))
  }
  return scope
}

const SCALAR_TYPES = new Set(['string', 'integer', 'number', 'boolean'])

/** A reference, compiled when first used so recursive schemas compile. */
function compileRef(schema: Schema, scope: Scope): Compiled {
  const ref = String(schema['$ref'])
  const target = scope[ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : ref]
  if (!target) throw new TypeError(`cannot resolve $ref ${ref}`)
  let resolved: Compiled | undefined
  const resolve = () => (resolved ??= compile(target, scope))
  const check: Check = (value, path, out) => (resolved ??= compile(target, scope)).check(value, path, out)
  const valid: Valid = (value) => (resolved ??= compile(target, scope)).valid(value)
  const scalar = SCALAR_TYPES.has(String(target['type'])) || Array.isArray(target['anyOf'])
  return {
    shape: { kind: 'ref', resolve },
    check,
    valid,
    get constraints() {
      return (resolved ??= compile(target, scope)).constraints
    },
    scalar,
    sensitive: target['x-aws-sensitive'] === true,
  }
}

function jsonKind(value: unknown): JsonKind {
  if (Array.isArray(value)) return 'list'
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'object') return 'object'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'string') return 'string'
  return 'other'
}

function typeError(out: Collector, path: string, expected: string, value: unknown): void {
  out.serialization ??= { path, expected, message: serializationMessage(expected, jsonKind(value)) }
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1)
}

/** A matcher that remembers its last answer: the detailed walk asks again what the fast verdict just asked. */
function remembering(matches: Matcher): Matcher {
  let last: string | undefined
  let answer = false
  return (value) => {
    if (value !== last) {
      answer = matches(value)
      last = value
    }
    return answer
  }
}

/** A schema's pattern: `raw` for the generated verdict, `matches` remembering its last answer for the closures. */
function matcherFor(schema: Schema): { matches: Matcher; raw: Matcher; shown: string } | undefined {
  const java = schema['x-aws-pattern']
  const maxLength = schema['maxLength'] as number | undefined
  if (typeof java === 'string') {
    // `pattern` is the importer's translation of `x-aws-pattern`; plain ones run from it without a parse.
    const js = typeof schema['pattern'] === 'string' ? schema['pattern'] : undefined
    const raw = compileMatcher(java, { maxLength, js })
    return { matches: remembering(raw), raw, shown: java }
  }
  const js = schema['pattern']
  if (typeof js !== 'string') return undefined
  const re = new RegExp(js, 'u')
  const raw: Matcher = (value) => re.test(value)
  return { matches: raw, raw, shown: js }
}

function base64Bytes(text: string): number | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  return Math.floor((text.length * 3) / 4) - padding
}

function issue(
  out: Collector,
  path: string,
  keyword: IssueKeyword,
  constraint: string,
  value: unknown,
  sensitive: boolean,
): void {
  out.issues.push({ path, keyword, constraint, sensitive, message: issueMessage(path, value, sensitive, constraint) })
}

function compileString(schema: Schema, sensitive: boolean): Compiled {
  const blob = schema['x-aws-blob'] as { minBytes?: number; maxBytes?: number } | undefined
  const min = blob ? blob.minBytes : (schema['minLength'] as number | undefined)
  const max = blob ? blob.maxBytes : (schema['maxLength'] as number | undefined)
  const pattern = blob ? undefined : matcherFor(schema)
  const constraints: string[] = []
  if (max !== undefined) constraints.push(constraintText.maxLength(max))
  if (min !== undefined) constraints.push(constraintText.minLength(min))
  if (pattern) constraints.push(constraintText.pattern(pattern.shown))
  const expected = blob ? 'blob' : 'string'
  const check: Check = (value, path, out) => {
    if (typeof value !== 'string') return typeError(out, path, expected, value)
    const length = blob ? base64Bytes(value) : countCodePoints(value)
    if (length === undefined) return typeError(out, path, 'base64', value)
    if (min !== undefined && length < min)
      issue(out, path, 'minLength', constraintText.minLength(min), value, sensitive)
    if (max !== undefined && length > max)
      issue(out, path, 'maxLength', constraintText.maxLength(max), value, sensitive)
    if (pattern && !pattern.matches(value))
      issue(out, path, 'pattern', constraintText.pattern(pattern.shown), value, sensitive)
  }
  const valid: Valid = (value) => {
    if (typeof value !== 'string') return false
    // Code points are at most the UTF-16 length and at least half of it: count them only when that does not decide.
    const n = value.length
    const decided = !blob && (max === undefined || n <= max) && (min === undefined || n >= 2 * min)
    if (!decided) {
      const length = blob ? base64Bytes(value) : countCodePoints(value)
      if (length === undefined || (min !== undefined && length < min) || (max !== undefined && length > max))
        return false
    }
    return !pattern || pattern.matches(value)
  }
  const length = (value: string): boolean => {
    const n = blob ? base64Bytes(value) : countCodePoints(value)
    return n !== undefined && (min === undefined || n >= min) && (max === undefined || n <= max)
  }
  const shape: Shape = { kind: 'string', min, max, blob: blob !== undefined, length, matches: pattern?.raw }
  return { shape, check, valid, constraints, scalar: true, sensitive }
}

function compileEnum(values: readonly string[], sensitive: boolean): Compiled {
  const allowed = new Set(values)
  const text = constraintText.enum(cognitoEnumOrder(values))
  const check: Check = (value, path, out) => {
    if (typeof value !== 'string') return typeError(out, path, 'string', value)
    if (!allowed.has(value)) issue(out, path, 'enum', text, value, sensitive)
  }
  const valid: Valid = (value) => typeof value === 'string' && allowed.has(value)
  return { shape: { kind: 'enum', allowed }, check, valid, constraints: [text], scalar: true, sensitive }
}

function compileNumber(schema: Schema, sensitive: boolean): Compiled {
  const integer = schema['type'] === 'integer'
  const min = schema['minimum'] as number | undefined
  const max = schema['maximum'] as number | undefined
  const constraints: string[] = []
  if (max !== undefined) constraints.push(constraintText.maximum(max))
  if (min !== undefined) constraints.push(constraintText.minimum(min))
  const expected = schema['x-aws-timestamp']
    ? 'timestamp'
    : schema['x-aws-long']
      ? 'long'
      : integer
        ? 'integer'
        : 'number'
  const check: Check = (value, path, out) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value)))
      return typeError(out, path, expected, value)
    if (min !== undefined && value < min) issue(out, path, 'minimum', constraintText.minimum(min), value, sensitive)
    if (max !== undefined && value > max) issue(out, path, 'maximum', constraintText.maximum(max), value, sensitive)
  }
  const valid: Valid = (value) =>
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    (min === undefined || value >= min) &&
    (max === undefined || value <= max)
  return { shape: { kind: 'number', integer, min, max }, check, valid, constraints, scalar: true, sensitive }
}

/** Checks every element with a scalar schema and reports one aggregated issue, as Coral does. */
function aggregate(element: Compiled, keyword: IssueKeyword, wrap: (inner: string[]) => string) {
  return (values: readonly unknown[], whole: unknown, path: string, out: Collector, sensitive: boolean): void => {
    const scratch: Collector = { issues: [] }
    let sawNull = false
    for (const v of values) {
      if (v === null || v === undefined) sawNull = true
      else element.check(v, path, scratch)
    }
    if (scratch.serialization) {
      out.serialization ??= scratch.serialization
      return
    }
    if (scratch.issues.length === 0 && !sawNull) return
    const inner = sawNull ? [...element.constraints, constraintText.notNull()] : [...element.constraints]
    issue(out, path, keyword, wrap(inner), whole, sensitive)
  }
}

function compileList(schema: Schema, sensitive: boolean, scope: Scope): Compiled {
  const item = compile(schema['items'] as Schema, scope)
  const min = schema['minItems'] as number | undefined
  const max = schema['maxItems'] as number | undefined
  const hidden = sensitive || item.sensitive
  const items = aggregate(item, 'items', constraintText.items)
  const check: Check = (value, path, out) => {
    if (!Array.isArray(value)) return typeError(out, path, 'list', value)
    if (min !== undefined && value.length < min)
      issue(out, path, 'minItems', constraintText.minLength(min), value, hidden)
    if (max !== undefined && value.length > max)
      issue(out, path, 'maxItems', constraintText.maxLength(max), value, hidden)
    if (item.scalar) return items(value, value, path, out, hidden)
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i]
      const at = `${path}.${i + 1}.member`
      if (element === null || element === undefined) issue(out, at, 'required', constraintText.notNull(), null, false)
      else item.check(element, at, out)
    }
  }
  const valid: Valid = (value) => {
    if (!Array.isArray(value)) return false
    if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) return false
    for (const element of value) if (element === null || element === undefined || !item.valid(element)) return false
    return true
  }
  return { shape: { kind: 'list', item, min, max }, check, valid, constraints: [], scalar: false, sensitive: hidden }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function compileMap(schema: Schema, valueSchema: Schema, sensitive: boolean, scope: Scope): Compiled {
  const key = compile((schema['propertyNames'] ?? {}) as Schema, scope)
  const val = compile(valueSchema, scope)
  const min = schema['minProperties'] as number | undefined
  const max = schema['maxProperties'] as number | undefined
  const hidden = sensitive || val.sensitive || key.sensitive
  const keys = aggregate(key, 'mapKeys', constraintText.mapKeys)
  const values = aggregate(val, 'mapValues', constraintText.mapValues)
  const check: Check = (value, path, out) => {
    if (!isPlainObject(value)) return typeError(out, path, 'map', value)
    const names = Object.keys(value)
    if (min !== undefined && names.length < min)
      issue(out, path, 'minProperties', constraintText.minLength(min), value, hidden)
    if (max !== undefined && names.length > max)
      issue(out, path, 'maxProperties', constraintText.maxLength(max), value, hidden)
    if (key.scalar && key.constraints.length > 0) keys(names, value, path, out, hidden)
    const entries = names.map((n) => value[n])
    if (val.scalar) return values(entries, value, path, out, hidden)
    names.forEach((n, i) => {
      if (entries[i] !== null && entries[i] !== undefined) val.check(entries[i], `${path}.${n}`, out)
    })
  }
  const checkKeys = key.scalar && key.constraints.length > 0
  const valid: Valid = (value) => {
    if (!isPlainObject(value)) return false
    const names = Object.keys(value)
    if ((min !== undefined && names.length < min) || (max !== undefined && names.length > max)) return false
    for (const name of names) {
      if (checkKeys && !key.valid(name)) return false
      const entry = value[name]
      // A null value is an issue where values are scalars (aggregated), and skipped where they are not.
      if (entry === null || entry === undefined) {
        if (val.scalar) return false
      } else if (!val.valid(entry)) return false
    }
    return true
  }
  const shape: Shape = { kind: 'map', key: checkKeys ? key : undefined, value: val, min, max }
  return { shape, check, valid, constraints: [], scalar: false, sensitive: hidden }
}

function compileStructure(schema: Schema, scope: Scope): Compiled {
  const required = new Set((schema['required'] ?? []) as string[])
  const props = Object.entries((schema['properties'] ?? {}) as Record<string, Schema>)
  // A member's checker is compiled when a value first has the member (or the verdict's code is generated).
  const members = props
    .map(([name, member]) => {
      let compiled: Compiled | undefined
      return {
        name,
        wire: lowerFirst(name),
        required: required.has(name),
        get compiled(): Compiled {
          return (compiled ??= compile(member, scope))
        },
      }
    })
    .sort((a, b) => (a.wire < b.wire ? -1 : a.wire > b.wire ? 1 : 0))
  let sensitive: boolean | undefined
  const check: Check = (value, path, out) => {
    if (!isPlainObject(value)) return typeError(out, path, 'structure', value)
    for (const m of members) {
      // Read as a property, inherited or own, as Ajv and TypeBox read them (no model member shares a name with
      // Object.prototype's properties); values from the wire are plain objects either way.
      const v = value[m.name]
      const at = path ? `${path}.${m.wire}` : m.wire
      if (v === null || v === undefined) {
        if (m.required) issue(out, at, 'required', constraintText.notNull(), null, false)
      } else m.compiled.check(v, at, out)
    }
  }
  const valid: Valid = (value) => {
    if (!isPlainObject(value)) return false
    for (const m of members) {
      // Read as a property, inherited or own, as Ajv and TypeBox read them (no model member shares a name with
      // Object.prototype's properties); values from the wire are plain objects either way.
      const v = value[m.name]
      if (v === null || v === undefined) {
        if (m.required) return false
      } else if (!m.compiled.valid(v)) return false
    }
    return true
  }
  return {
    shape: { kind: 'structure', members },
    check,
    valid,
    constraints: [],
    scalar: false,
    get sensitive() {
      return (sensitive ??= members.some((m) => m.compiled.sensitive))
    },
  }
}

function build(schema: Schema, scope: Scope): Compiled {
  if (typeof schema['$ref'] === 'string') return compileRef(schema, scope)
  const sensitive = schema['x-aws-sensitive'] === true
  const anyOf = schema['anyOf']
  if (Array.isArray(anyOf) && anyOf.every((s: Schema) => typeof s['const'] === 'string')) {
    return compileEnum(
      anyOf.map((s: Schema) => s['const'] as string),
      sensitive,
    )
  }
  if (Array.isArray(schema['enum'])) return compileEnum((schema['enum'] as unknown[]).map(String), sensitive)
  switch (schema['type']) {
    case 'string':
      return compileString(schema, sensitive)
    case 'integer':
    case 'number':
      return compileNumber(schema, sensitive)
    case 'boolean': {
      const check: Check = (value, path, out) =>
        typeof value === 'boolean' ? undefined : typeError(out, path, 'boolean', value)
      const valid: Valid = (value) => typeof value === 'boolean'
      return { shape: { kind: 'boolean' }, check, valid, constraints: [], scalar: true, sensitive }
    }
    case 'array':
      return compileList(schema, sensitive, scope)
    case 'object': {
      const pp = schema['patternProperties'] as Record<string, Schema> | undefined
      const valueSchema = pp ? Object.values(pp)[0] : undefined
      return valueSchema ? compileMap(schema, valueSchema, sensitive, scope) : compileStructure(schema, scope)
    }
  }
  return {
    shape: { kind: 'any' },
    check: () => undefined,
    valid: () => true,
    constraints: [],
    scalar: false,
    sensitive,
  }
}

/** Compiles a schema once into a checker; later calls with the same schema object (in the same scope) reuse it. */
export function compile(schema: Schema, outer: Scope = NO_DEFS): Compiled {
  const scope = scopeOf(schema, outer)
  let cache = caches.get(scope)
  if (!cache) caches.set(scope, (cache = new WeakMap()))
  let compiled = cache.get(schema)
  if (!compiled) {
    compiled = build(schema, scope)
    cache.set(schema, compiled)
  }
  return compiled
}
