/** Java's `String.hashCode`, as a signed 32-bit integer. */
export function javaStringHash(text: string): number {
  let hash = 0
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0
  return hash
}

/**
 * Orders enum values the way Cognito lists them in "Member must satisfy enum value set: [...]".
 * Fitted to real messages (`[OPTIONAL, OFF, ON]` for MFAConfigType and the eight-value
 * ExplicitAuthFlowsType list): buckets of a 32-slot hash table indexed by the low bits of
 * `String.hashCode`, growing at a 0.75 load factor; within a bucket, the later model value first (as a chained
 * table that inserts at the head would list them).
 */
export function cognitoEnumOrder(values: readonly string[]): string[] {
  let slots = 32
  while (values.length > slots * 0.75) slots *= 2
  const keyed = values.map((value, index) => ({ value, index, bucket: javaStringHash(value) & (slots - 1) }))
  keyed.sort((a, b) => a.bucket - b.bucket || b.index - a.index)
  return keyed.map((k) => k.value)
}
