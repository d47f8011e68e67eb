import type { UICustomizationType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter } from '../errors.js'
import { decodeImage, sniffImage } from './branding-images.js'
import { readClassicCss } from './classic-css.js'
import { domainsOf } from './domains.js'

/** The pool-level customization's client id: what applies to every client without its own (seen in the model). */
export const ALL_CLIENTS = 'ALL'

/** A classic hosted UI customization: a pool's (`ALL`) or one client's CSS and logo. */
export interface UiCustomizationRow {
  /** `<pool id>/<client id or ALL>`. */
  readonly key: string
  readonly poolId: string
  /** A client id, or `ALL`. */
  readonly clientId: string
  readonly css?: string | undefined
  /** The logo, base64 (a PNG or JPEG). */
  readonly image?: string | undefined
  readonly cssVersion: string
  readonly created: number
  readonly modified: number
}

/** Customizations, belonging to their pool, and a client's to its client too (deleting either deletes them). */
export const uiCustomizationsTable = table<UiCustomizationRow>({
  key: (row) => row.key,
  parent: [
    { table: 'pools', key: (row) => row.poolId },
    { table: 'clients', key: (row) => (row.clientId === ALL_CLIENTS ? `${row.poolId}/${ALL_CLIENTS}` : row.clientId) },
  ],
})

// Seen (DG23 cognito-user-pools-app-ui-customization): the request must not exceed 135 KB, else "request parameters
// too large". Chosen without evidence: the CSS and the base64 logo are what is counted, and the message's wording.
const MOST_REQUEST = 135 * 1024

/** The CSS version Cognito stamps a customization with: its time as `yyyyMMddHHmmss` (seen: the AWS CLI's examples). */
function cssVersion(now: number): string {
  return new Date(Math.floor(now) * 1000).toISOString().replace(/[-T:]/g, '').slice(0, 14)
}

/**
 * Checks a SetUICustomization request's CSS and logo. Seen (DG23 cognito-user-pools-app-ui-customization): the pool
 * needs a domain; the logo is a PNG, JPG or JPEG file; the CSS rules of classic-css.ts. Seen (Medium-Low:
 * amazon-connect/voicemail-for-amazon-connect#5, a stack customizing its pool's UI before its domain existed):
 * "A domain must be associated with this user pool.". Chosen without evidence: the other messages.
 */
export function checkUiCustomization(
  cx: Can<'InvalidParameterException'>,
  poolId: string,
  css: string | undefined,
  image: string | undefined,
): void {
  const domains = domainsOf(cx, poolId)
  if (!domains.prefix && !domains.custom) throw invalidParameter(cx, 'A domain must be associated with this user pool.')
  if ((css?.length ?? 0) + (image?.length ?? 0) > MOST_REQUEST)
    throw invalidParameter(cx, 'Request parameters too large.')
  if (css !== undefined) {
    const read = readClassicCss(css)
    if ('refused' in read) throw invalidParameter(cx, read.refused)
  }
  if (image !== undefined && image !== '') {
    const bytes = decodeImage(image)
    const kind = bytes && sniffImage(bytes)
    if (kind !== 'PNG' && kind !== 'JPEG') throw invalidParameter(cx, 'The image file must be a PNG or JPEG image.')
  }
}

/**
 * Stores a customization, replacing the one it had. Seen (DG): "You can't set CSS and logo customization separately",
 * so what the request leaves out is removed.
 */
export function keepUiCustomization(
  cx: Can<never>,
  poolId: string,
  clientId: string,
  css: string | undefined,
  image: string | undefined,
): UiCustomizationRow {
  const key = `${poolId}/${clientId}`
  const old = cx.tables.uiCustomizations.get(key)
  const now = cx.now()
  const row: UiCustomizationRow = {
    key,
    poolId,
    clientId,
    ...(css !== undefined && { css }),
    ...(image !== undefined && image !== '' && { image }),
    cssVersion: cssVersion(now),
    created: old?.created ?? now,
    modified: now,
  }
  return old ? cx.tables.uiCustomizations.put(row) : cx.tables.uiCustomizations.insert(row)
}

/**
 * The customization a client's pages use: its own, else the pool's `ALL` (seen: "If you specify UI customization
 * settings for a particular client, it will no longer fall back to the ALL configuration", DG23).
 */
export function uiCustomizationFor(cx: Can<never>, poolId: string, clientId: string): UiCustomizationRow | undefined {
  const rows = cx.tables.uiCustomizations
  return rows.get(`${poolId}/${clientId}`) ?? rows.get(`${poolId}/${ALL_CLIENTS}`)
}

/**
 * The customization as Set and GetUICustomization return it. Seen (AWS CLI examples): UserPoolId, ClientId, ImageUrl
 * `https://<CloudFront host>/<pool id>/<client id>/<CSSVersion>/assets/images/image.jpg`, CSS and CSSVersion, without
 * the dates. Seen in the model: the pool-level one has no ClientId. Chosen without evidence: ImageUrl is absent
 * without a logo, and its host is the CloudFront distribution of the pool's domain (the simulation does not serve it:
 * hosted pages carry the logo as a data: URL).
 */
export function describeUiCustomization(cx: Can<never>, row: UiCustomizationRow): UICustomizationType {
  const domains = domainsOf(cx, row.poolId)
  const cdn = (domains.custom ?? domains.prefix)?.cloudFront ?? 'd111111abcdef8.cloudfront.net'
  return {
    UserPoolId: row.poolId,
    ...(row.clientId !== ALL_CLIENTS && { ClientId: row.clientId }),
    ...(row.image !== undefined && {
      ImageUrl: `https://${cdn}/${row.poolId}/${row.clientId}/${row.cssVersion}/assets/images/image.jpg`,
    }),
    ...(row.css !== undefined && { CSS: row.css }),
    CSSVersion: row.cssVersion,
  }
}
