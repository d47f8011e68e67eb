/** Responses already validated against their operation's schema by whoever made them (each object once). */
const checked = new WeakSet<object>()

/** Marks a response as validated, so the protocol does not validate it again. */
export function markChecked<T>(response: T): T {
  if (response !== null && typeof response === 'object') checked.add(response)
  return response
}

/** Whether a response was marked as validated. */
export function isChecked(response: unknown): boolean {
  return response !== null && typeof response === 'object' && checked.has(response)
}

/** The JSON text of responses made from text (generated answers are parsed from their cached text). */
const texts = new WeakMap<object, string>()

/** Records the JSON text a response was parsed from, so the protocol sends it without serialising the object again. */
export function markText<T>(response: T, text: string): T {
  if (response !== null && typeof response === 'object') texts.set(response, text)
  return response
}

/** The JSON text a response was parsed from, if it was marked. */
export function knownText(response: unknown): string | undefined {
  return response !== null && typeof response === 'object' ? texts.get(response) : undefined
}
