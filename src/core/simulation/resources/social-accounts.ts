import type { Can } from '../context.js'
import { table } from '../engine/table.js'

/** The social provider types, whose real sign-in pages a test cannot reach: a stand-in page takes their place. */
export const SOCIAL_TYPES: readonly string[] = ['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple']

/**
 * An account the stand-in page of a social provider offers (anchor: the Firebase Auth emulator's fake IdP widget,
 * which lists the accounts used before). It comes from fixtures, or was typed on the page once.
 */
export interface StandInAccount {
  /** The provider: `Google`, `Facebook`, `LoginWithAmazon` or `SignInWithApple`. */
  readonly provider: string
  /** The provider's subject: Google's and Apple's `sub`, Facebook's `id`, Amazon's `user_id`. */
  readonly id: string
  readonly email?: string | undefined
  readonly name?: string | undefined
  /** More claims the provider gives (e.g. `picture`, `given_name`), as the attribute mapping names them. */
  readonly claims?: Readonly<Record<string, string>> | undefined
}

/** A stand-in account as stored, under its pool. */
export interface SocialAccountRow extends StandInAccount {
  readonly poolId: string
}

/** Stand-in accounts, by pool, provider and subject, belonging to their pool. */
export const socialAccountsTable = table<SocialAccountRow>({
  key: (row) => `${row.poolId}/${row.provider}\n${row.id}`,
  parent: { table: 'pools', key: (row) => row.poolId },
})

/** The claim each provider names its subject with (what its default attribute mapping reads as `username`). */
const SUBJECT_CLAIM: Readonly<Record<string, string>> = {
  Google: 'sub',
  SignInWithApple: 'sub',
  Facebook: 'id',
  LoginWithAmazon: 'user_id',
}

/** The claim a provider names its subject with. */
export function subjectClaim(provider: string): string {
  return SUBJECT_CLAIM[provider] ?? 'sub'
}

/**
 * The claims a provider would give for an account, under the names Cognito's attribute mapping reads for it:
 * the subject claim, `email`, `name`, and first and last names as Google (`given_name`, `family_name`), Facebook
 * (`first_name`, `last_name`) and Apple (`firstName`, `lastName`) spell them; Google and Apple vouch for the
 * email (`email_verified`). Chosen without a capture of each provider's exact response: these are the attribute
 * names the console offers for each provider.
 */
export function standInClaims(account: StandInAccount): Record<string, string> {
  const claims: Record<string, string> = { [subjectClaim(account.provider)]: account.id }
  if (account.email !== undefined && account.email !== '') {
    claims['email'] = account.email
    if (account.provider === 'Google' || account.provider === 'SignInWithApple') claims['email_verified'] = 'true'
  }
  if (account.name !== undefined && account.name !== '') {
    claims['name'] = account.name
    const [first, ...rest] = account.name.split(/\s+/)
    const names: Record<string, readonly [string, string]> = {
      Google: ['given_name', 'family_name'],
      Facebook: ['first_name', 'last_name'],
      SignInWithApple: ['firstName', 'lastName'],
    }
    const pair = names[account.provider]
    if (pair && first) {
      claims[pair[0]] = first
      if (rest.length) claims[pair[1]] = rest.join(' ')
    }
  }
  return { ...claims, ...account.claims }
}

/** The pool's stand-in accounts of one provider, oldest first. */
export function standInAccounts(cx: Can<never>, poolId: string, provider: string): SocialAccountRow[] {
  return cx.tables.socialAccounts.children(poolId).filter((a) => a.provider === provider)
}

/** Keeps an account for the provider's stand-in page (replacing one with the same subject). */
export function keepStandInAccount(cx: Can<never>, poolId: string, account: StandInAccount): SocialAccountRow {
  if (!SOCIAL_TYPES.includes(account.provider))
    throw new TypeError(`stand-in account: provider ${account.provider} is not one of ${SOCIAL_TYPES.join(', ')}`)
  if (typeof account.id !== 'string' || account.id === '') throw new TypeError('stand-in account: id is required')
  const row: SocialAccountRow = {
    poolId,
    provider: account.provider,
    id: account.id,
    ...(account.email !== undefined && { email: account.email }),
    ...(account.name !== undefined && { name: account.name }),
    ...(account.claims !== undefined && { claims: { ...account.claims } }),
  }
  const key = `${poolId}/${account.provider}\n${account.id}`
  return cx.tables.socialAccounts.has(key) ? cx.tables.socialAccounts.put(row) : cx.tables.socialAccounts.insert(row)
}
