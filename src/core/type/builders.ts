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
function stringType(options?: TStringOptions): TString {
  return create({ '~kind': 'String' }, { type: 'string' }, options)
}

/** `Type.Integer`. */
function integerType(options?: TNumberOptions): TInteger {
  return create({ '~kind': 'Integer' }, { type: 'integer' }, options)
}

/** `Type.Number`. */
function numberType(options?: TNumberOptions): TNumber {
  return create({ '~kind': 'Number' }, { type: 'number' }, options)
}

/** `Type.Boolean`. */
function booleanType(options?: TSchemaOptions): TBoolean {
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
function unionType<Types extends TSchema[]>(anyOf: [...Types], options: TSchemaOptions = {}): TUnion<Types> {
  return create({ '~kind': 'Union' }, { anyOf }, options)
}

/** `Type.Array`. */
function arrayType<Type extends TSchema>(items: Type, options?: TArrayOptions): TArray<Type> {
  return create({ '~kind': 'Array' }, { type: 'array', items }, options)
}

/** `Type.Object`: members not marked optional are required, in their order. */
function objectType<Properties extends TProperties>(
  properties: Properties,
  options: TObjectOptions = {},
): TObject<Properties> {
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
