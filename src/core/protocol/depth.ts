/**
 * How deeply a request body may nest objects and arrays (chosen: no Cognito figure was found; the model's deepest
 * request is a few levels, and its one document member, a branding's settings, is far from this).
 */
export const MAX_NESTING = 64

/** Whether JSON text nests objects and arrays deeper than `limit`: one pass over the text, before anything parses it. */
export function nestsDeeperThan(text: string, limit = MAX_NESTING): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92)
        i++ // a backslash: the next character is escaped
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true
    } else if (c === 125 || c === 93) depth--
  }
  return false
}
