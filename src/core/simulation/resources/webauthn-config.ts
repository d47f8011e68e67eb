import type {
  UserVerificationType,
  WebAuthnConfigurationType,
  WebAuthnMfaSettingsType,
} from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter } from '../errors.js'
import { domainHost, domainsOf } from './domains.js'
import { checkFeatures, tierOf } from './feature-plans.js'
import type { PoolRow } from './user-pools.js'
import type { MfaSettings, UserRow } from './users.js'

/** A pool's WebAuthnConfiguration as SetUserPoolMfaConfig last set it. */
export interface WebAuthnPoolRow {
  readonly poolId: string
  readonly config: WebAuthnConfigurationType
}

/** WebAuthn configurations, by pool id, belonging to their pool. */
export const webauthnPoolsTable = table<WebAuthnPoolRow>({
  key: (row) => row.poolId,
  parent: { table: 'pools', key: (row) => row.poolId },
})

/** A user who turned passkey MFA on (WebAuthnMfaSettings); a user without a row has it off. */
export interface WebAuthnMfaRow {
  readonly poolId: string
  readonly user: string
}

/** Users with passkey MFA on, by `<poolId>/<user key>`, belonging to their user. */
export const webauthnMfaTable = table<WebAuthnMfaRow>({
  key: (row) => `${row.poolId}/${row.user}`,
  parent: { table: 'users', key: (row) => `${row.poolId}/${row.user}` },
})

/**
 * The WebAuthnConfiguration GetUserPoolMfaConfig shows: what was set, FactorConfiguration SINGLE_FACTOR unless set
 * (seen: a pool's get-user-pool-mfa-config output, 2026-08, `"WebAuthnConfiguration": { "FactorConfiguration":
 * "SINGLE_FACTOR" }`, GH-code("WebAuthnConfiguration appears on the clinician pool by default")); nothing for a pool
 * whose configuration was never set (the same capture's other pool showed none).
 */
export function shownConfig(cx: Can<never>, poolId: string): WebAuthnConfigurationType | undefined {
  const config = cx.tables.webauthnPools.get(poolId)?.config
  if (!config) return undefined
  return { ...config, FactorConfiguration: config.FactorConfiguration ?? 'SINGLE_FACTOR' }
}

/** How passkeys work in a pool now: its relying party (if it has one), user verification and factor setting. */
export interface PasskeySettings {
  /** The relying party id, or undefined when the pool names none and has no domain. */
  readonly rpId: string | undefined
  readonly userVerification: UserVerificationType
  /** Whether a passkey with user verification satisfies MFA (MULTI_FACTOR_WITH_USER_VERIFICATION). */
  readonly satisfiesMfa: boolean
}

/**
 * The pool's passkey settings. Seen (the Developer Guide, "Passwordless sign-in with WebAuthn passkeys"): user
 * verification "defaults to preferred in API requests that don't provide a value"; without a RelyingPartyId the pool
 * expects its custom domain, else its prefix domain ("If you don't have a custom domain and don't specify otherwise,
 * your user pool defaults to an RP ID of your prefix domain"; CreateUserPoolDomain's documentation: "When you create
 * a custom domain, the passkey RP ID defaults to the custom domain").
 */
export function passkeySettings(cx: Can<never>, pool: PoolRow): PasskeySettings {
  const config = cx.tables.webauthnPools.get(pool.pool.Id)?.config
  const domains = domainsOf(cx, pool.pool.Id)
  const domain = domains.custom ?? domains.prefix
  return {
    rpId: config?.RelyingPartyId ?? (domain && domainHost(domain, cx.region)),
    userVerification: config?.UserVerification ?? 'preferred',
    satisfiesMfa: config?.FactorConfiguration === 'MULTI_FACTOR_WITH_USER_VERIFICATION',
  }
}

/**
 * Whether the pool has passkeys on: WEB_AUTHN among its AllowedFirstAuthFactors, on a plan that has them. Seen: the
 * Developer Guide ("Passkeys are an opt-in feature that's available in all feature plans except for Lite"; WEB_AUTHN
 * in SignInPolicy activates them); WebAuthnNotEnabledException "is thrown when the passkey feature isn't enabled for
 * the user pool" (the model) — that this is what enables it is a reading (Low).
 */
export function passkeysEnabled(pool: PoolRow): boolean {
  const factors = pool.pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []
  return factors.includes('WEB_AUTHN') && tierOf(pool.pool) !== 'LITE'
}

/** Whether this user turned passkey MFA on. */
export function passkeyMfaOn(cx: Can<never>, poolId: string, user: string): boolean {
  return cx.tables.webauthnMfa.has(`${poolId}/${user}`)
}

/**
 * Checks a RelyingPartyId given to SetUserPoolMfaConfig. Seen (Developer Guide): it "can be your user pool prefix or
 * custom domain, or a domain of your own choosing", "any domain name not in the public suffix list (PSL)"; `localhost`
 * for local development (Amplify's backend documents `relyingPartyId: 'localhost'`; Amplify's tests use rpId
 * "localhost"). Chosen without evidence: the check (a lower-case DNS name of several labels, or localhost; no scheme,
 * port, path or IP address; single-label names stand in for the PSL) and its message.
 */
export function checkRelyingPartyId(cx: Can<'InvalidParameterException'>, rpId: string): void {
  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'
  const dns = new RegExp(`^(?:${label}\\.)+${label}$`)
  const ip = /^[0-9.]+$|:/
  if (rpId === 'localhost' || (dns.test(rpId) && !ip.test(rpId) && /[a-z]/.test(rpId.slice(rpId.lastIndexOf('.')))))
    return
  throw invalidParameter(cx, `RelyingPartyId ${rpId} is not a valid domain name.`)
}

/**
 * Whether a ceremony's origin may use the relying party id. Seen (Developer Guide): a passkey for a relying party id
 * "can authenticate for that domain and subdomains"; `localhost` works for local development (see above). Chosen
 * without evidence: https only, except http on localhost (and its subdomains), any port; no other origins (an app
 * client's callback URLs elsewhere, native apps' origins) are accepted.
 */
export function originAllowed(origin: string, rpId: string): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  if (url.origin !== origin) return false
  const host = url.hostname
  if (host !== rpId && !host.endsWith(`.${rpId}`)) return false
  const local = host === 'localhost' || host.endsWith('.localhost')
  return url.protocol === 'https:' || (url.protocol === 'http:' && local)
}

/**
 * The passkey settings of a pool where users register passkeys, with its relying party id. Chosen without evidence:
 * the messages, and which comes first when both are wrong. The model: WebAuthnNotEnabledException "is thrown when
 * the passkey feature isn't enabled for the user pool", WebAuthnConfigurationMissingException "when a user pool
 * doesn't have a configured relying party id or a user pool domain".
 */
export function requirePasskeys(
  cx: Can<'WebAuthnNotEnabledException' | 'WebAuthnConfigurationMissingException'>,
  pool: PoolRow,
): PasskeySettings & { readonly rpId: string } {
  if (!passkeysEnabled(pool))
    throw fail(cx, 'WebAuthnNotEnabledException', 'Passkey sign-in is not enabled for this user pool.')
  const settings = passkeySettings(cx, pool)
  if (settings.rpId === undefined)
    throw fail(
      cx,
      'WebAuthnConfigurationMissingException',
      'The user pool has no relying party id for passkeys and no domain.',
    )
  return { ...settings, rpId: settings.rpId }
}

/**
 * Sets a pool's WebAuthnConfiguration (SetUserPoolMfaConfig): the one given replaces the last (chosen). Seen (the
 * model): it needs "the Essentials tier or higher", so a Lite pool gets FeatureUnavailableInTierException; the feature
 * is named as a CloudFormation failure for passkeys on Lite names it, "Passwordless Sign-In" (seen, Low-Medium: a
 * preflight rule quotes "The following features need to be disabled for the LITE pricing tier configured: Passwordless
 * Sign-In", GH-code("pricing tier configured: Passwordless Sign-In")).
 */
export function setPasskeyConfig(
  cx: Can<'InvalidParameterException' | 'FeatureUnavailableInTierException'>,
  pool: PoolRow,
  config: WebAuthnConfigurationType,
): void {
  checkFeatures(cx, pool.pool, [{ name: 'Passwordless Sign-In', needs: 'ESSENTIALS', used: true }])
  if (config.RelyingPartyId !== undefined) checkRelyingPartyId(cx, config.RelyingPartyId)
  const row = { poolId: pool.pool.Id, config: structuredClone(config) }
  if (cx.tables.webauthnPools.has(pool.pool.Id)) cx.tables.webauthnPools.put(row)
  else cx.tables.webauthnPools.insert(row)
}

/**
 * Turns a user's passkey MFA on or off (WebAuthnMfaSettings). Seen (the model): "The user must also have at least one
 * other MFA method such as SMS, TOTP, or email activated to prevent account lockout." Chosen without evidence: the
 * message, and that the rule is checked when passkey MFA is turned on (with the other settings of the same call).
 */
export function setPasskeyMfa(
  cx: Can<'InvalidParameterException'>,
  user: UserRow,
  given: WebAuthnMfaSettingsType | undefined,
  others: MfaSettings,
): void {
  if (given?.Enabled === undefined) return
  const key = `${user.poolId}/${user.key}`
  if (!given.Enabled) {
    cx.tables.webauthnMfa.delete(key)
    return
  }
  if (!others.sms && !others.totp && !others.email)
    throw invalidParameter(cx, 'Passkey MFA needs another MFA method to be enabled for the user.')
  if (!cx.tables.webauthnMfa.has(key)) cx.tables.webauthnMfa.insert({ poolId: user.poolId, user: user.key })
}
