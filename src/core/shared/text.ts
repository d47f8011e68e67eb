/** The length of a string in Unicode code points, as the schemas' length limits count it. */
export function countCodePoints(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    n++
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
  }
  return n
}

/** Bytes as base64 text, as blobs travel on the wire. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** Base64 text as bytes. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** A JSON value as an opaque URL-safe token (UTF-8, base64url without padding). */
export function encodeToken(value: unknown): string {
  return bytesToBase64(new TextEncoder().encode(JSON.stringify(value)))
    .replace(/=+$/, '')
    .replaceAll('+', '-')
    .replaceAll('/', '_')
}

/** The JSON value a token carries, or undefined for text that is not one of ours. */
export function decodeToken(token: string): unknown {
  try {
    const base64 = token.replaceAll('-', '+').replaceAll('_', '/')
    return JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        base64ToBytes(base64 + '='.repeat((4 - (base64.length % 4)) % 4)),
      ),
    )
  } catch {
    return undefined
  }
}
