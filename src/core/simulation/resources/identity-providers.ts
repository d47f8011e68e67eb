import type { IdentityProviderType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter } from '../errors.js'
import { shownDetails } from './provider-details.js'
import { bareCertificate } from './saml-keys.js'

/** An identity provider as the simulation keeps it. */
export interface ProviderRow {
  readonly poolId: string
  readonly name: string
  readonly type: IdentityProviderType['ProviderType'] & string
  readonly details: Readonly<Record<string, string>>
  readonly mapping: Readonly<Record<string, string>>
  readonly identifiers: readonly string[]
  readonly created: number
  readonly modified: number
}

/** Identity providers, by `<poolId>/<name>`, belonging to their pool and found by `<poolId>/<identifier>`. */
export const providersTable = table<ProviderRow>({
  key: (row) => `${row.poolId}/${row.name}`,
  parent: { table: 'pools', key: (row) => row.poolId },
  indexes: { identifier: (row) => row.identifiers.map((id) => `${row.poolId}/${id}`) },
})

/** Social providers, which must be named after their type. */
export const SOCIAL = new Set(['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple'])

/** The provider of a pool, or ResourceNotFoundException (message chosen without a captured one). */
export function findProvider(cx: Can<'ResourceNotFoundException'>, poolId: string, name: string): ProviderRow {
  const row = cx.tables.providers.get(`${poolId}/${name}`)
  if (!row)
    throw fail(cx, 'ResourceNotFoundException', `Identity provider ${name} does not exist in user pool ${poolId}.`)
  return row
}

/** The provider of a pool that already holds one of these identifiers (other than `self`), if any. */
export function identifierClash(
  cx: Can<'InvalidParameterException'>,
  poolId: string,
  identifiers: readonly string[],
  self: string | undefined,
): { id: string; holder: string } | undefined {
  if (new Set(identifiers).size !== identifiers.length) throw invalidParameter(cx, 'IdpIdentifiers must be unique.')
  for (const id of identifiers) {
    const other = cx.tables.providers.find('identifier', `${poolId}/${id}`)
    if (other && other.name !== self) return { id, holder: other.name }
  }
  return undefined
}

/** The message for an identifier another provider holds (chosen without a captured one). */
export function clashMessage(clash: { id: string; holder: string }, poolId: string): string {
  return `Identifier ${clash.id} is already used by provider ${clash.holder} in user pool ${poolId}`
}

/** The provider as DescribeIdentityProvider returns it (a SAML provider's with the pool's encryption certificate). */
export function describeProvider(row: ProviderRow, cx?: Can<never> | undefined): IdentityProviderType {
  const encryption = cx?.tables.samlKeys.get(`${row.poolId}/encryption`)
  return {
    UserPoolId: row.poolId,
    ProviderName: row.name,
    ProviderType: row.type,
    ProviderDetails: shownDetails(row.type, row.details, encryption && bareCertificate(encryption.cert)),
    AttributeMapping: { ...row.mapping },
    IdpIdentifiers: [...row.identifiers],
    LastModifiedDate: row.modified,
    CreationDate: row.created,
  }
}
