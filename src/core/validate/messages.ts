/** The constraint texts Cognito (AWS Coral validation) uses, one function per constraint. */
export const constraintText = {
  notNull: () => 'Member must not be null',
  maxLength: (n: number) => `Member must have length less than or equal to ${n}`,
  minLength: (n: number) => `Member must have length greater than or equal to ${n}`,
  pattern: (java: string) => `Member must satisfy regular expression pattern: ${java}`,
  enum: (ordered: readonly string[]) => `Member must satisfy enum value set: [${ordered.join(', ')}]`,
  maximum: (n: number) => `Member must have value less than or equal to ${n}`,
  minimum: (n: number) => `Member must have value greater than or equal to ${n}`,
  items: (inner: readonly string[]) => `Member must satisfy constraint: [${inner.join(', ')}]`,
  mapKeys: (inner: readonly string[]) => `Map keys must satisfy constraint: [${inner.join(', ')}]`,
  mapValues: (inner: readonly string[]) => `Map value must satisfy constraint: [${inner.join(', ')}]`,
} as const

/**
 * A value as Java's `toString` prints it inside "Value '...'": strings raw, lists `[a, b]`,
 * maps `{k=v}`. Structures print as `{Member=value}`: chosen without evidence of Coral's format.
 */
export function javaString(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${javaString(v)}`)
      .join(', ')}}`
  return String(value)
}

/** "Value 'x' at 'path' failed to satisfy constraint: ...", without the value for sensitive data. */
export function issueMessage(path: string, value: unknown, sensitive: boolean, constraint: string): string {
  const shown =
    value === null || value === undefined ? 'Value null' : sensitive ? 'Value' : `Value '${javaString(value)}'`
  return `${shown} at '${path}' failed to satisfy constraint: ${constraint}`
}

/** Joins issue messages as Cognito does: "1 validation error detected: A" or "N validation errors detected: A; B". */
export function validationMessage(messages: readonly string[]): string {
  const n = messages.length
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${messages.join('; ')}`
}
