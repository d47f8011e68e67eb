const compiled = new Map<string, RegExp>()

/**
 * A `u`-flag RegExp of a source, made once: building one with Unicode property classes (`\p{L}`, the model's
 * commonest) costs about a millisecond, and the same few patterns recur across dozens of members.
 */
export function unicodeRegExp(source: string): RegExp {
  let re = compiled.get(source)
  if (!re) compiled.set(source, (re = new RegExp(source, 'u')))
  return re
}
