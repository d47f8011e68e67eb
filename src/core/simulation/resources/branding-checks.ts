import type { AssetType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { invalidParameter } from '../errors.js'
import { decodeImage, sniffImage, unsafeSvg } from './branding-images.js'

/** A JSON object, as a style's settings document is. */
export type SettingsDocument = Readonly<Record<string, unknown>>

const COLOR = /^[0-9a-fA-F]{8}$/
const MODES = new Set(['LIGHT', 'DARK', 'DYNAMIC'])
/** How deep a settings document may nest (Cognito's deepest path is seven members). Chosen. */
const MOST_DEPTH = 16

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Checks a settings document where its values are read: a JSON object; every `color` and `…Color` member 8 hex
 * digits RRGGBBAA (seen: the AWS CLI's update-managed-login-branding example, `"0972d3ff"`, `"AAAAAAAA"`); every
 * `borderRadius` a number of at least 0; `colorSchemeMode` LIGHT, DARK or DYNAMIC (the model's ColorSchemeModeType).
 * Chosen without evidence: Cognito's full schema and its messages are not published (the evidence's open question
 * 4), so other members are kept as they are, and the messages are ours.
 */
export function checkSettings(cx: Can<'InvalidParameterException'>, settings: unknown): SettingsDocument {
  if (!isObject(settings)) throw invalidParameter(cx, 'Settings must be a JSON object.')
  const walk = (value: unknown, path: string, depth: number): void => {
    if (depth > MOST_DEPTH) throw invalidParameter(cx, `Settings nest deeper than ${MOST_DEPTH} levels at ${path}.`)
    if (Array.isArray(value)) for (const [i, item] of value.entries()) walk(item, `${path}[${i}]`, depth + 1)
    if (!isObject(value)) return
    for (const [key, member] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key
      if ((key === 'color' || key.endsWith('Color')) && (typeof member !== 'string' || !COLOR.test(member)))
        throw invalidParameter(cx, `Invalid color at Settings ${at}: colors are 8 hexadecimal digits (RRGGBBAA).`)
      if (key === 'borderRadius' && (typeof member !== 'number' || !(member >= 0)))
        throw invalidParameter(cx, `Invalid borderRadius at Settings ${at}: a number of at least 0 is expected.`)
      if (key === 'colorSchemeMode' && (typeof member !== 'string' || !MODES.has(member)))
        throw invalidParameter(cx, `Invalid colorSchemeMode at Settings ${at}: one of LIGHT, DARK and DYNAMIC.`)
      walk(member, at, depth + 1)
    }
  }
  walk(settings, '', 0)
  return settings
}

/** The extension a category requires, where it requires one. */
const REQUIRED_EXTENSION: Readonly<Record<string, string>> = { FAVICON_ICO: 'ICO', FAVICON_SVG: 'SVG' }

/**
 * Checks one asset's bytes: they must be an image of the kind `Extension` names. Seen (GH-code("hands Cognito the
 * decoded logo bytes"), a third party's deployment test): Cognito rejected assets whose bytes were base64 text, as
 * `text/plain`, so it reads the bytes' type rather than trusting the extension. Seen (lgallard/terraform-aws-cognito-
 * user-pool#238): FAVICON_ICO must be an ICO file, and Cognito's validation refuses some SVG content. Chosen without
 * evidence: the messages; which SVG content is refused (what could run: scripts, event handlers, javascript: URLs,
 * foreignObject, entities); ICO only for FAVICON_ICO.
 */
export function checkAsset(cx: Can<'InvalidParameterException'>, asset: AssetType, bytes: string): void {
  const name = `${asset.Category} (${asset.ColorMode})`
  const required = REQUIRED_EXTENSION[asset.Category]
  if (required !== undefined && asset.Extension !== required)
    throw invalidParameter(cx, `The asset ${name} must have the extension ${required}.`)
  if (required === undefined && asset.Extension === 'ICO')
    throw invalidParameter(cx, `The asset ${name} cannot have the extension ICO.`)
  const decoded = decodeImage(bytes)
  const kind = decoded && sniffImage(decoded)
  if (!decoded || kind !== asset.Extension)
    throw invalidParameter(cx, `The asset ${name} is not a valid ${asset.Extension} image.`)
  const unsafe = kind === 'SVG' ? unsafeSvg(decoded) : undefined
  if (unsafe) throw invalidParameter(cx, `The asset ${name} contains ${unsafe}, which SVG assets cannot contain.`)
}

/**
 * The assets of a request, checked, with the bytes of assets that name none taken from `kept` (the style's stored
 * asset of the same category and colour mode). Chosen without evidence: one asset per category and colour mode in a
 * request; an asset without bytes and without a stored one to keep is refused.
 */
export function checkAssets(
  cx: Can<'InvalidParameterException'>,
  assets: readonly AssetType[],
  kept: readonly AssetType[] = [],
): AssetType[] {
  const seen = new Set<string>()
  return assets.map((asset) => {
    if (!isObject(asset)) throw invalidParameter(cx, 'Each asset must be an object.')
    const slot = `${asset.Category}/${asset.ColorMode}`
    if (seen.has(slot))
      throw invalidParameter(cx, `Only one asset per category and color mode: ${asset.Category} ${asset.ColorMode}.`)
    seen.add(slot)
    const bytes = asset.Bytes ?? kept.find((k) => `${k.Category}/${k.ColorMode}` === slot)?.Bytes
    if (bytes === undefined) throw invalidParameter(cx, `The asset ${asset.Category} (${asset.ColorMode}) needs Bytes.`)
    checkAsset(cx, asset, bytes)
    return {
      Category: asset.Category,
      ColorMode: asset.ColorMode,
      Extension: asset.Extension,
      Bytes: bytes,
      ...(asset.ResourceId !== undefined && { ResourceId: asset.ResourceId }),
    }
  })
}

/** `base` with `over` laid on it: objects merge member by member, anything else in `over` replaces. */
export function mergeSettings(base: SettingsDocument, over: SettingsDocument): SettingsDocument {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(over)) {
    // A member named __proto__ is kept as data, never as the prototype.
    const below = Object.hasOwn(out, key) ? out[key] : undefined
    const merged = isObject(below) && isObject(value) ? mergeSettings(below, value) : value
    Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true })
  }
  return out
}
