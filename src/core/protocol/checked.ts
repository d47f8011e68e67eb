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
