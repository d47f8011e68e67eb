/** The JSON type a value has, as the deserializer sees it. */
export type JsonKind = 'object' | 'list' | 'string' | 'number' | 'boolean' | 'null' | 'other'

const JAVA_CLASS: Record<string, string> = {
  string: 'java.lang.String',
  number: 'com.amazon.coral.value.json.numbers.TruncatingBigNumber',
  boolean: 'java.lang.Boolean',
}

const TARGET_CLASS: Record<string, string> = {
  string: 'String',
  blob: 'ByteBuffer',
  integer: 'Integer',
  long: 'Long',
  number: 'Double',
  boolean: 'Boolean',
  timestamp: 'Date',
}

/**
 * The SerializationException message for a value of the wrong JSON type. Seen from Cognito:
 * "Start of structure or map found where not expected.", "Expected map or null" and
 * "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String".
 * The list forms and the other class names follow the same pattern without direct evidence.
 */
export function serializationMessage(expected: string, actual: JsonKind): string {
  if (expected === 'base64') return 'Base64 encoded value is not valid.'
  if (actual === 'object') return 'Start of structure or map found where not expected.'
  if (actual === 'list') return 'Start of list found where not expected.'
  if (expected === 'map' || expected === 'structure') return 'Expected map or null'
  if (expected === 'list') return 'Expected list or null'
  const from = JAVA_CLASS[actual] ?? 'java.lang.Object'
  return `class ${from} can not be converted to an ${TARGET_CLASS[expected] ?? 'Object'}`
}
