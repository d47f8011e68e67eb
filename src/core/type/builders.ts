/**
 * The TypeBox builders the generated schemas use, producing the very objects `typebox/type` produces (its default
 * settings: kinds hidden, types mutable) without loading TypeBox's 370 modules at start-up. A test builds every
 * schema both ways and compares them property by property, hidden ones included.
 */
import type {
  TAddOptional,
  TArray,
  TArrayOptions,
  TBoolean,
  TInteger,
  TLiteral,
  TLiteralValue,
  TNumber,
  TNumberOptions,
  TObject,
  TObjectOptions,
  TProperties,
  TSchema,
  TSchemaOptions,
  TString,
  TStringOptions,
  TUnion,
  TUnknown,
  TUnsafe,
} from 'typebox'

type Options = object

/** The shape name a generated schema carries in its type as well as in its `x-aws-shape` member. */
export interface Named<Name extends string> {
  readonly 'x-aws-shape': Name
}

/** Options that may name the shape; the name is kept in the schema's type so `toSdk` can find the SDK's type. */
type Naming<Name extends string> = { 'x-aws-shape'?: Name }

/** `Type` with the shape's name attached when the options gave one. */
type WithName<Type, Name extends string> = string extends Name ? Type : Type & Named<Name>

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

function hide(target: Record<string, unknown>, hidden: Record<string, unknown>): void {
  for (const key of Object.keys(hidden))
    Object.defineProperty(target, key, { configurable: true, writable: true, enumerable: false, value: hidden[key] })
}

/** TypeBox's `Memory.Create`: enumerable members, then options, then the hidden ones. */
function create<T>(hidden: Record<string, unknown>, enumerable: Record<string, unknown>, options: Options = {}): T {
  const result = { ...enumerable, ...options }
  hide(result, hidden)
  return result as T
}

/** TypeBox's `Memory.Update`: a copy of every own property (descriptors kept) with hidden ones added. */
function update<T>(current: object, hidden: Record<string, unknown>): T {
  const result: Record<string, unknown> = {}
  const hiddenKeys = Object.keys(hidden)
  for (const key of [...Object.getOwnPropertyNames(current), ...Object.getOwnPropertySymbols(current)]) {
    if ((typeof key === 'string' && UNSAFE_KEYS.has(key)) || hiddenKeys.includes(key as string)) continue
    Object.defineProperty(result, key, Object.getOwnPropertyDescriptor(current, key)!)
  }
  hide(result, hidden)
  return result as T
}

/** `Type.String`. */
function stringType<const Name extends string = string>(
  options?: TStringOptions & Naming<Name>,
): WithName<TString, Name> {
  return create({ '~kind': 'String' }, { type: 'string' }, options)
}

/** `Type.Integer`. */
function integerType<const Name extends string = string>(
  options?: TNumberOptions & Naming<Name>,
): WithName<TInteger, Name> {
  return create({ '~kind': 'Integer' }, { type: 'integer' }, options)
}

/** `Type.Number`. */
function numberType<const Name extends string = string>(
  options?: TNumberOptions & Naming<Name>,
): WithName<TNumber, Name> {
  return create({ '~kind': 'Number' }, { type: 'number' }, options)
}

/** `Type.Boolean`. */
function booleanType<const Name extends string = string>(
  options?: TSchemaOptions & Naming<Name>,
): WithName<TBoolean, Name> {
  return create({ '~kind': 'Boolean' }, { type: 'boolean' }, options)
}

/** `Type.Unknown`. */
function unknownType(options?: TSchemaOptions): TUnknown {
  return create({ '~kind': 'Unknown' }, {}, options)
}

/** `Type.Literal` (the schemas' literals are strings). */
function literalType<Value extends TLiteralValue>(value: Value, options?: TSchemaOptions): TLiteral<Value> {
  const type = typeof value === 'bigint' ? 'bigint' : typeof value
  return create({ '~kind': 'Literal' }, { type, const: value }, options)
}

/** `Type.Union`. */
function unionType<Types extends TSchema[], const Name extends string = string>(
  anyOf: [...Types],
  options: TSchemaOptions & Naming<Name> = {},
): WithName<TUnion<Types>, Name> {
  return create({ '~kind': 'Union' }, { anyOf }, options)
}

/** `Type.Array`. */
function arrayType<Type extends TSchema, const Name extends string = string>(
  items: Type,
  options?: TArrayOptions & Naming<Name>,
): WithName<TArray<Type>, Name> {
  return create({ '~kind': 'Array' }, { type: 'array', items }, options)
}

/** `Type.Object`: members not marked optional are required, in their order. */
function objectType<Properties extends TProperties, const Name extends string = string>(
  properties: Properties,
  options: TObjectOptions & Naming<Name> = {},
): WithName<TObject<Properties>, Name> {
  const required = Object.getOwnPropertyNames(properties).filter(
    (key) => !Object.hasOwn(properties[key] as object, '~optional'),
  )
  return create(
    { '~kind': 'Object' },
    { type: 'object', ...(required.length > 0 && { required }), properties },
    options,
  )
}

/** `Type.Optional`. */
function optionalType<Type extends TSchema>(type: Type): TAddOptional<Type> {
  return update(type, { '~optional': true })
}

/** `Type.Unsafe`. */
function unsafeType<Type>(schema: TSchema): TUnsafe<Type> {
  return update(schema, { '~unsafe': null })
}

export {
  arrayType as Array,
  booleanType as Boolean,
  integerType as Integer,
  literalType as Literal,
  numberType as Number,
  objectType as Object,
  optionalType as Optional,
  stringType as String,
  unionType as Union,
  unknownType as Unknown,
  unsafeType as Unsafe,
}
