import type { AssetType, ManagedLoginBrandingType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter } from '../errors.js'
import { checkAssets, checkSettings, mergeSettings, type SettingsDocument } from './branding-checks.js'
import { DEFAULT_SETTINGS } from './branding-defaults.js'
import { onTier, tierOf } from './feature-plans.js'
import type { PoolRow } from './user-pools.js'

/** A managed login style: the settings and images of one app client's managed login pages. */
export interface BrandingRow {
  /** The ManagedLoginBrandingId, a version 4 UUID. */
  readonly id: string
  readonly poolId: string
  readonly clientId: string
  readonly useCognitoProvidedValues: boolean
  /** The caller's own settings, merged over every request that gave some; absent when none were given. */
  readonly settings?: SettingsDocument | undefined
  readonly assets: readonly AssetType[]
  readonly created: number
  readonly modified: number
}

/** Managed login styles, by id, belonging to their app client (deleting the client, or its pool, deletes them). */
export const brandingTable = table<BrandingRow>({
  key: (row) => row.id,
  parent: { table: 'clients', key: (row) => row.clientId },
})

/** What a Create or Update request may change. */
export interface StyleChange {
  readonly UseCognitoProvidedValues?: boolean | undefined
  readonly Settings?: unknown
  readonly Assets?: readonly AssetType[] | undefined
}

/**
 * Managed login needs a plan other than Lite (seen: DG cognito-user-pools-managed-login, the Lite plan has the classic
 * hosted UI only). Chosen without evidence: Create and Update refuse a Lite pool's styles with
 * OperationNotEnabledException (what the operations model for "not available ... for the current user pool
 * configuration"; FeatureUnavailableInTierException is not among their errors), in the words Cognito uses for
 * features a plan lacks (seen, Low: "The following feature is not available for the <tier> pricing tier configured:").
 */
export function checkManagedLoginTier(cx: Can<'OperationNotEnabledException'>, pool: PoolRow): void {
  if (!onTier(pool.pool, 'ESSENTIALS'))
    throw fail(
      cx,
      'OperationNotEnabledException',
      `The following feature is not available for the ${tierOf(pool.pool)} pricing tier configured: Managed Login`,
    )
}

/**
 * `UseCognitoProvidedValues: true` with Settings or Assets is refused (seen: the model, "you must also omit values
 * for Settings and Assets"). On Create, one of UseCognitoProvidedValues (true) and Settings is needed, but not both
 * (seen: floci-io/floci#2869, measured against Cognito, whose message ends "(but not both)"; chosen without evidence:
 * the rest of the message, which that thread does not quote whole).
 */
function checkExclusive(cx: Can<'InvalidParameterException'>, change: StyleChange, creating: boolean): void {
  const custom = change.Settings !== undefined || (change.Assets?.length ?? 0) > 0
  if (change.UseCognitoProvidedValues === true && custom)
    throw invalidParameter(
      cx,
      'Either UseCognitoProvidedValues or Settings and Assets must be specified (but not both).',
    )
  if (creating && change.UseCognitoProvidedValues !== true && change.Settings === undefined)
    throw invalidParameter(cx, 'Either UseCognitoProvidedValues or Settings must be specified (but not both).')
}

/** A new style for a client: one per client (ManagedLoginBrandingExistsException; message chosen). */
export function createBranding(
  cx: Can<'InvalidParameterException' | 'ManagedLoginBrandingExistsException'>,
  poolId: string,
  clientId: string,
  change: StyleChange,
): BrandingRow {
  if (cx.tables.brandings.count(clientId) > 0)
    throw fail(
      cx,
      'ManagedLoginBrandingExistsException',
      `A managed login branding style already exists for app client ${clientId}.`,
    )
  checkExclusive(cx, change, true)
  const useDefaults = change.UseCognitoProvidedValues === true
  const settings = change.Settings === undefined ? undefined : checkSettings(cx, change.Settings)
  const assets = checkAssets(cx, change.Assets ?? [])
  const now = cx.now()
  return cx.tables.brandings.insert({
    // Seen in the model: ManagedLoginBrandingIdType is a version 4 UUID (drawn like a secret: random unless reproducible).
    id: cx.secrets.uuid(),
    poolId,
    clientId,
    useCognitoProvidedValues: useDefaults,
    ...(settings && { settings: structuredClone(settings) }),
    assets,
    created: now,
    modified: now,
  })
}

/**
 * A style changed. Seen in the model: Cognito "preserves existing style settings that you don't specify", so settings
 * merge over the stored ones and assets replace the stored asset of their category and colour mode; with
 * UseCognitoProvidedValues true the style reverts to Cognito's values (settings and assets dropped).
 */
export function updateBranding(
  cx: Can<'InvalidParameterException'>,
  row: BrandingRow,
  change: StyleChange,
): BrandingRow {
  checkExclusive(cx, change, false)
  const now = cx.now()
  if (change.UseCognitoProvidedValues === true) {
    const { settings: _dropped, ...rest } = row
    return cx.tables.brandings.put({ ...rest, useCognitoProvidedValues: true, assets: [], modified: now })
  }
  const given = change.Settings === undefined ? undefined : checkSettings(cx, change.Settings)
  const incoming = checkAssets(cx, change.Assets ?? [], row.assets)
  const slot = (a: AssetType) => `${a.Category}/${a.ColorMode}`
  const replaced = new Set(incoming.map(slot))
  const settings = given && structuredClone(row.settings ? mergeSettings(row.settings, given) : given)
  const custom = given !== undefined || incoming.length > 0
  return cx.tables.brandings.put({
    ...row,
    // Chosen without evidence: a request with Settings or Assets makes the style the caller's own.
    useCognitoProvidedValues: custom
      ? false
      : change.UseCognitoProvidedValues === false
        ? false
        : row.useCognitoProvidedValues,
    ...(settings && { settings }),
    assets: [...row.assets.filter((a) => !replaced.has(slot(a))), ...incoming],
    modified: now,
  })
}

/** A pool's style by id (ResourceNotFoundException; message chosen). */
export function findBranding(cx: Can<'ResourceNotFoundException'>, poolId: string, id: string): BrandingRow {
  const row = cx.tables.brandings.get(id)
  if (!row || row.poolId !== poolId)
    throw fail(cx, 'ResourceNotFoundException', `Managed login branding ${id} does not exist in user pool ${poolId}.`)
  return row
}

/** A client's style, if it has one. */
export function brandingOfClient(cx: Can<never>, clientId: string): BrandingRow | undefined {
  return cx.tables.brandings.children(clientId)[0]
}

/** The settings a style renders with: its own over Cognito's (DEFAULT_SETTINGS), or Cognito's alone. */
export function effectiveSettings(row: BrandingRow): SettingsDocument {
  return row.useCognitoProvidedValues || !row.settings
    ? DEFAULT_SETTINGS
    : mergeSettings(DEFAULT_SETTINGS, row.settings)
}

/**
 * The style as the operations return it. Seen (floci-io/floci#2869, measured against Cognito): Settings is omitted
 * when the caller gave none, Assets is always there. With `merged` (ReturnMergedResources), Cognito's values are
 * merged in (seen in the model); chosen without evidence: the values merged are DEFAULT_SETTINGS, and no default
 * assets are added (Cognito's default images are not published).
 */
export function describeBranding(row: BrandingRow, merged = false): ManagedLoginBrandingType {
  const settings = merged ? effectiveSettings(row) : row.useCognitoProvidedValues ? undefined : row.settings
  return {
    ManagedLoginBrandingId: row.id,
    UserPoolId: row.poolId,
    UseCognitoProvidedValues: row.useCognitoProvidedValues,
    ...(settings && { Settings: structuredClone(settings) }),
    Assets: structuredClone([...row.assets]),
    CreationDate: row.created,
    LastModifiedDate: row.modified,
  }
}
