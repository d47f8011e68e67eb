/**
 * A fresh copy of a value as JSON would carry it (`JSON.parse(JSON.stringify(value))`) without making the text:
 * members that are undefined or functions left out (array elements become null), -0 as 0, non-finite numbers as
 * null, `toJSON` honoured; `text`, if given, rewrites every string and member name on the way. For plain data, several
 * times faster than the round trip.
 */
export function jsonCopy(value: unknown, text?: ((s: string) => string) | undefined): unknown {
  switch (typeof value) {
    case 'string':
      return text ? text(value) : value
    case 'boolean':
      return value
    case 'number':
      return Number.isFinite(value) ? value + 0 : null
    case 'object': {
      if (value === null) return null
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
        return jsonCopy((value as { toJSON: () => unknown }).toJSON(), text)
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length)
        for (let i = 0; i < value.length; i++) {
          const v = jsonCopy(value[i], text)
          out[i] = v === undefined ? null : v
        }
        return out
      }
      const out: Record<string, unknown> = {}
      for (const key of Object.keys(value)) {
        const v = jsonCopy((value as Record<string, unknown>)[key], text)
        if (v === undefined) continue
        const name = text ? text(key) : key
        if (name === '__proto__') setMember(out, name, v)
        else out[name] = v
      }
      return out
    }
    default:
      return undefined
  }
}

/** Sets an own member, `__proto__` included (plain assignment would set the prototype instead). */
function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}
