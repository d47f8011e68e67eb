import type { SchemaAttributeType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { invalidParameter } from '../errors.js'
import { standardAttributes } from './user-pool-defaults.js'

/** Custom attributes a pool may have (AWS's documented quota). */
export const MAX_CUSTOM_ATTRIBUTES = 50
/** The longest string attribute (AWS's documented limit). */
const MAX_STRING_LENGTH = 2048

/** Seen from Cognito (CloudFormation and CDK errors) for a missing or changed data type. */
const BAD_TYPE = 'Invalid AttributeDataType input, consider using the provided AttributeDataType enum.'

/** A constraint value: a numeric string, as the model types them. Messages below are chosen: no capture found. */
function numeric(
  cx: Can<'InvalidParameterException'>,
  name: string,
  field: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined
  if (!/^-?\d+$/.test(value))
    throw invalidParameter(cx, `${field} of attribute ${name} must be a whole number, not '${value}'.`)
  return Number(value)
}

/** Checks one attribute's constraints: numeric strings, minimum not above maximum, lengths no more than 2048. */
function checkConstraints(cx: Can<'InvalidParameterException'>, name: string, attribute: SchemaAttributeType): void {
  const s = attribute.StringAttributeConstraints
  const minLength = numeric(cx, name, 'MinLength', s?.MinLength)
  const maxLength = numeric(cx, name, 'MaxLength', s?.MaxLength)
  if (maxLength !== undefined && maxLength > MAX_STRING_LENGTH)
    throw invalidParameter(cx, `MaxLength of attribute ${name} cannot be greater than ${MAX_STRING_LENGTH}.`)
  if (minLength !== undefined && minLength > MAX_STRING_LENGTH)
    throw invalidParameter(cx, `MinLength of attribute ${name} cannot be greater than ${MAX_STRING_LENGTH}.`)
  if (minLength !== undefined && minLength < 0)
    throw invalidParameter(cx, `MinLength of attribute ${name} cannot be negative.`)
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) {
    throw invalidParameter(cx, `MinLength of attribute ${name} cannot be greater than its MaxLength.`)
  }
  const n = attribute.NumberAttributeConstraints
  const minValue = numeric(cx, name, 'MinValue', n?.MinValue)
  const maxValue = numeric(cx, name, 'MaxValue', n?.MaxValue)
  if (minValue !== undefined && maxValue !== undefined && minValue > maxValue) {
    throw invalidParameter(cx, `MinValue of attribute ${name} cannot be greater than its MaxValue.`)
  }
}

/** A custom attribute as the pool keeps it: `custom:` (or `dev:custom:`) before its name, defaults for the rest. */
export function customAttribute(
  cx: Can<'InvalidParameterException'>,
  attribute: SchemaAttributeType,
): SchemaAttributeType {
  const name = attribute.Name ?? ''
  // Seen from Cognito (2016, 2020): "Required custom attributes are not supported currently."
  if (attribute.Required) throw invalidParameter(cx, 'Required custom attributes are not supported currently.')
  if (attribute.AttributeDataType === undefined) throw invalidParameter(cx, BAD_TYPE)
  checkConstraints(cx, name, attribute)
  const prefix = attribute.DeveloperOnlyAttribute ? 'dev:custom:' : 'custom:'
  const { StringAttributeConstraints, NumberAttributeConstraints, ...rest } = attribute
  return {
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    ...rest,
    ...ownConstraints(attribute.AttributeDataType, StringAttributeConstraints, NumberAttributeConstraints),
    Name: `${prefix}${name}`,
  }
}

/**
 * Only the constraints of the attribute's own type: a String keeps StringAttributeConstraints, a Number
 * NumberAttributeConstraints, Boolean and DateTime neither (chosen without a capture: AWS's published
 * DescribeUserPool outputs never show constraints of another type, nor any on a Boolean attribute).
 */
function ownConstraints(
  type: SchemaAttributeType['AttributeDataType'],
  string: SchemaAttributeType['StringAttributeConstraints'],
  number: SchemaAttributeType['NumberAttributeConstraints'],
): Pick<SchemaAttributeType, 'StringAttributeConstraints' | 'NumberAttributeConstraints'> {
  if (type === 'String' && string) return { StringAttributeConstraints: string }
  if (type === 'Number' && number) return { NumberAttributeConstraints: number }
  return {}
}

/** Adds custom attributes to a schema, refusing a name it already has and more than the quota. */
export function withCustomAttributes(
  cx: Can<'InvalidParameterException'>,
  schema: readonly SchemaAttributeType[],
  added: readonly SchemaAttributeType[],
): SchemaAttributeType[] {
  const out = [...schema]
  for (const attribute of added) {
    const custom = customAttribute(cx, attribute)
    // Chosen without a captured message.
    if (
      out.some(
        (a) =>
          a.Name === custom.Name || a.Name === `custom:${attribute.Name}` || a.Name === `dev:custom:${attribute.Name}`,
      )
    ) {
      throw invalidParameter(cx, `Existing attribute already has name ${custom.Name}.`)
    }
    out.push(custom)
  }
  if (out.filter((a) => a.Name?.includes('custom:')).length > MAX_CUSTOM_ATTRIBUTES) {
    throw invalidParameter(cx, `A user pool can have at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes.`)
  }
  return out
}

/**
 * The schema a new pool gets: the standard attributes with what the request says of them (required, mutable and
 * the constraints given, which DescribeUserPool then shows; their type cannot change), then its custom attributes.
 */
export function poolSchema(
  cx: Can<'InvalidParameterException'>,
  requested: readonly SchemaAttributeType[] | undefined,
): SchemaAttributeType[] {
  const attributes = standardAttributes()
  const standard = new Map(attributes.map((a) => [a.Name!, a]))
  const custom: SchemaAttributeType[] = []
  for (const attribute of requested ?? []) {
    const name = attribute.Name ?? ''
    const existing = standard.get(name)
    if (!existing) {
      custom.push(attribute)
      continue
    }
    if (attribute.AttributeDataType !== undefined && attribute.AttributeDataType !== existing.AttributeDataType)
      throw invalidParameter(cx, BAD_TYPE)
    // Chosen wording (no capture found): a standard attribute cannot be developer-only.
    if (attribute.DeveloperOnlyAttribute)
      throw invalidParameter(cx, `${name}: Standard attributes cannot be developer only.`)
    checkConstraints(cx, name, attribute)
    Object.assign(existing, {
      Required: attribute.Required ?? existing.Required,
      Mutable: attribute.Mutable ?? existing.Mutable,
      ...(attribute.StringAttributeConstraints &&
        existing.AttributeDataType === 'String' && {
          StringAttributeConstraints: {
            ...existing.StringAttributeConstraints,
            ...attribute.StringAttributeConstraints,
          },
        }),
      ...(attribute.NumberAttributeConstraints &&
        existing.AttributeDataType === 'Number' && {
          NumberAttributeConstraints: {
            ...existing.NumberAttributeConstraints,
            ...attribute.NumberAttributeConstraints,
          },
        }),
    })
  }
  return withCustomAttributes(cx, attributes, custom)
}
