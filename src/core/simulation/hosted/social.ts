import type { ProviderRow } from '../resources/identity-providers.js'
import {
  keepStandInAccount,
  SOCIAL_TYPES,
  type StandInAccount,
  standInAccounts,
  standInClaims,
} from '../resources/social-accounts.js'
import { errorPage } from './authorize.js'
import { form, layout, links } from './pages.js'
import { decoded, escapeHtml, page, redirect, withParams } from './respond.js'
import type { FederationRow } from './state.js'
import type { HostedResponse, Site } from './types.js'

/** Where a social provider's stand-in sign-in page lives on the domain (chosen: a path Cognito does not use). */
export const STAND_IN_PATH = '/_stand-in/'

/** The display names of the social providers, for the stand-in page's title. */
const DISPLAY: Readonly<Record<string, string>> = {
  Google: 'Google',
  Facebook: 'Facebook',
  LoginWithAmazon: 'Login with Amazon',
  SignInWithApple: 'Sign in with Apple',
}

/**
 * The error code each provider sends back when its user refuses: `access_denied` (RFC 6749; Google, Facebook,
 * Amazon), and Apple's `user_cancelled_authorize`, which Cognito relays to the app verbatim (seen:
 * aws-amplify/amplify-flutter#7077 and #7350, a Hosted UI cancel at Sign in with Apple).
 */
const REFUSAL: Readonly<Record<string, string>> = { SignInWithApple: 'user_cancelled_authorize' }

/** Whether a provider type is a social one, whose sign-in goes through the stand-in page. */
export function isSocial(type: string): boolean {
  return SOCIAL_TYPES.includes(type)
}

/**
 * Sends the browser on to the provider's stand-in page, with the parameters Cognito sends the provider's real
 * authorize endpoint (`client_id`, `redirect_uri=<domain>/oauth2/idpresponse`, `response_type=code`, `scope`,
 * `state`). Chosen: the simulation never reaches Google, Facebook, Amazon or Apple, so their page is ours.
 */
export function toStandIn(site: Site, provider: ProviderRow, callback: string, state: string): HostedResponse {
  const scopes = provider.details['authorize_scopes'] ?? ''
  return redirect(
    withParams(`${site.base}${STAND_IN_PATH}${encodeURIComponent(provider.name)}`, {
      client_id: provider.details['client_id'],
      redirect_uri: callback,
      response_type: 'code',
      // Seen: Facebook's scopes are comma-separated, the others' space-separated (AWS's developer guide).
      scope: scopes,
      state,
    }),
  )
}

/** A random subject in the provider's own shape, for an account typed without one. */
function newSubject(site: Site, provider: string): string {
  const digits = '0123456789'
  const hex = '0123456789abcdef'
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  const s = site.cx.secrets
  // Chosen: the shapes of real subjects (Google's 21 digits, Facebook's numeric id, `amzn1.account.…`, Apple's
  // `000123.<hex>.0123`), so an app that parses them sees what it would in production.
  if (provider === 'Facebook') return s.chars(17, digits)
  if (provider === 'LoginWithAmazon') return `amzn1.account.${s.chars(28, upper)}`
  if (provider === 'SignInWithApple') return `${s.chars(6, digits)}.${s.chars(32, hex)}.${s.chars(4, digits)}`
  return `1${s.chars(20, digits)}`
}

/** The sign-in in flight that a stand-in request belongs to, or the error page. */
function pending(site: Site, name: string, state: string | null): FederationRow {
  const row = state === null ? undefined : site.cx.tables.federations.get(state)
  // Chosen: a missing, stale or foreign state lands on the error page, as at /oauth2/idpresponse.
  if (!row || row.poolId !== site.pool.pool.Id || row.provider !== name || site.cx.now() > row.expires)
    throw errorPage(site, 'invalid_request')
  return row
}

/** Back to the domain's /oauth2/idpresponse, as the provider sends its user: with a code, or with an error. */
function answer(site: Site, row: FederationRow, account: StandInAccount): HostedResponse {
  const code = site.cx.secrets.chars(43, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
  keepStandInAccount(site.cx, row.poolId, account)
  site.cx.tables.federations.put({ ...row, standIn: { code, claims: standInClaims(account) } })
  return redirect(withParams(row.callback, { code, state: row.state }))
}

/**
 * The stand-in page of a social provider (anchor: the Firebase Auth emulator's fake IdP widget): the accounts
 * used before or given as fixtures (`StandInAccounts`), a form for a new one (its subject, email and name), and a
 * refusal. `?account=<subject or email>` picks an account at once, for tests without a browser. What happens next
 * is what Cognito does after the real provider's callback.
 */
export function standInPage(site: Site, rawName: string, method: string, body: URLSearchParams): HostedResponse {
  const name = decoded(rawName) ?? rawName
  const provider = site.cx.tables.providers.get(`${site.pool.pool.Id}/${name}`)
  if (!provider || !isSocial(provider.type)) throw errorPage(site, 'invalid_request')
  const state = site.query.get('state') ?? body.get('state')
  const row = pending(site, name, state)
  const accounts = standInAccounts(site.cx, site.pool.pool.Id, name)
  const picked = site.query.get('account') ?? (method === 'POST' ? body.get('account') : null)
  if (picked !== null) {
    const account = accounts.find((a) => a.id === picked || a.email === picked)
    if (account) return answer(site, row, account)
    return standInView(site, provider, row, accounts, `No account ${picked} is offered here.`)
  }
  if (method !== 'POST') return standInView(site, provider, row, accounts)
  if (body.get('refuse') !== null)
    return redirect(
      withParams(row.callback, {
        error: REFUSAL[provider.type] ?? 'access_denied',
        state: row.state,
      }),
    )
  const email = body.get('email')?.trim() ?? ''
  const display = body.get('name')?.trim() ?? ''
  const id = body.get('id')?.trim() || newSubject(site, provider.type)
  if (email === '' && display === '' && !body.get('id')?.trim())
    return standInView(site, provider, row, accounts, 'Type an email, a name or a subject.')
  return answer(site, row, {
    provider: provider.type,
    id,
    ...(email !== '' && { email }),
    ...(display !== '' && { name: display }),
  })
}

/** The stand-in page itself. */
function standInView(
  site: Site,
  provider: ProviderRow,
  row: FederationRow,
  accounts: readonly StandInAccount[],
  message?: string,
): HostedResponse {
  const here = `${site.base}${STAND_IN_PATH}${encodeURIComponent(provider.name)}`
  const title = `Sign in with ${DISPLAY[provider.type] ?? provider.type}`
  const scope = provider.details['authorize_scopes'] ?? ''
  const content = [
    `<p class="note" id="stand-in">A stand-in for ${escapeHtml(DISPLAY[provider.type] ?? provider.type)}, played by cognito-idp-contract: the real provider is not reached. Scopes asked for: <code>${escapeHtml(scope)}</code>.</p>`,
    links(
      accounts.map(
        (a) =>
          [
            withParams(here, { state: row.state, account: a.id }),
            [a.name, a.email, a.id].filter(Boolean).join(' · '),
            `account-${a.id}`,
          ] as const,
      ),
    ),
    form(
      here,
      [
        { name: 'state', label: '', type: 'hidden', value: row.state },
        { name: 'email', label: 'Email', type: 'email' },
        { name: 'name', label: 'Name' },
        { name: 'id', label: 'Subject (empty: a new one)' },
      ],
      'Sign in',
      'stand-in-sign-in',
    ),
    form(
      here,
      [
        { name: 'state', label: '', type: 'hidden', value: row.state },
        { name: 'refuse', label: '', type: 'hidden', value: 'true' },
      ],
      'Refuse',
      'refuse',
    ),
  ].join('\n')
  return page(message ? 400 : 200, layout(title, content, message))
}
