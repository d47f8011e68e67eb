import type { AssetExtensionType } from '../../../../generated/types.js'
import { base64ToBytes } from '../../shared/text.js'

/** The content type each asset extension is served with. */
const CONTENT_TYPES: Readonly<Record<AssetExtensionType, string>> = {
  ICO: 'image/x-icon',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  SVG: 'image/svg+xml',
  WEBP: 'image/webp',
}

const starts = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b)
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.slice(from, to))

/**
 * What an image's bytes are, by their signature (not by what the caller calls them): PNG, JPEG, WEBP, ICO or SVG
 * (UTF-8 text whose root element is `<svg`), or undefined for anything else.
 */
export function sniffImage(bytes: Uint8Array): AssetExtensionType | undefined {
  if (starts(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'PNG'
  if (starts(bytes, 0xff, 0xd8, 0xff)) return 'JPEG'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'WEBP'
  if (starts(bytes, 0x00, 0x00, 0x01, 0x00)) return 'ICO'
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
  // The first element after any XML declaration, comments and doctype must be <svg.
  const body = text.replace(/^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*>\s*)*/i, '')
  return /^<svg[\s>]/.test(body) ? 'SVG' : undefined
}

/**
 * What in an SVG image could run or reach out when the image is opened on its own: scripts, event handlers,
 * `javascript:` links, foreign HTML, entity declarations. Undefined when none is found.
 */
export function unsafeSvg(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder().decode(bytes)
  if (/<script[\s>/]/i.test(text)) return 'a script element'
  if (/[\s"'/]on[a-z]+\s*=/i.test(text)) return 'an event handler attribute'
  if (/javascript\s*:/i.test(text)) return 'a javascript: URL'
  if (/<foreignObject[\s>/]/i.test(text)) return 'a foreignObject element'
  if (/<!ENTITY/i.test(text)) return 'an entity declaration'
  return undefined
}

/** Base64 bytes as they are, or undefined when they do not decode. */
export function decodeImage(base64: string): Uint8Array | undefined {
  try {
    return base64ToBytes(base64)
  } catch {
    return undefined
  }
}

/** The content type an image of this kind is served with. */
export function contentType(kind: AssetExtensionType): string {
  return CONTENT_TYPES[kind]
}

/**
 * An image as a `data:` URL for a hosted page: the content type from its sniffed kind (never from the caller), the
 * bytes in base64 (which holds no character that could end an HTML attribute). Undefined for bytes of no known kind.
 */
export function imageDataUrl(base64: string): string | undefined {
  const bytes = decodeImage(base64)
  const kind = bytes && sniffImage(bytes)
  if (!kind || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return undefined
  if (kind === 'SVG' && unsafeSvg(bytes)) return undefined
  return `data:${contentType(kind)};base64,${base64}`
}
