import type { Can } from '../context.js'
import { invalidParameter } from '../errors.js'

type Details = Readonly<Record<string, string>>

/** A details value if the key is the record's own (so `constructor` or `__proto__` read as data). */
function get(details: Details, key: string): string | undefined {
  return Object.hasOwn(details, key) ? details[key] : undefined
}

/**
 * What each provider type adds to its ProviderDetails in describe responses and what it leaves out,
 * from AWS's published "create request" and "describe response" pairs for each type.
 */
const ADDED: Record<string, Record<string, string>> = {
  Google: {
    attributes_url: 'https://people.googleapis.com/v1/people/me?personFields=',
    attributes_url_add_attributes: 'true',
    authorize_url: 'https://accounts.google.com/o/oauth2/v2/auth',
    oidc_issuer: 'https://accounts.google.com',
    token_request_method: 'POST',
    token_url: 'https://www.googleapis.com/oauth2/v4/token',
  },
  LoginWithAmazon: {
    attributes_url: 'https://api.amazon.com/user/profile',
    attributes_url_add_attributes: 'false',
    authorize_url: 'https://www.amazon.com/ap/oa',
    token_request_method: 'POST',
    token_url: 'https://api.amazon.com/auth/o2/token',
  },
  SignInWithApple: {
    attributes_url_add_attributes: 'false',
    authorize_url: 'https://appleid.apple.com/auth/authorize',
    oidc_issuer: 'https://appleid.apple.com',
    token_request_method: 'POST',
    token_url: 'https://appleid.apple.com/auth/token',
  },
  OIDC: { attributes_url_add_attributes: 'false' },
}

/** Keys a describe response never shows (Apple's private key). */
const HIDDEN: Record<string, readonly string[]> = { SignInWithApple: ['private_key'] }

/**
 * Keys each type must be given. Chosen from AWS's published request examples (they show what each type
 * takes) without captured errors for missing keys: OIDC needs an issuer or all of its endpoint URLs.
 */
const REQUIRED: Record<string, readonly string[]> = {
  Google: ['client_id', 'client_secret', 'authorize_scopes'],
  Facebook: ['client_id', 'client_secret', 'authorize_scopes'],
  LoginWithAmazon: ['client_id', 'client_secret', 'authorize_scopes'],
  SignInWithApple: ['client_id', 'team_id', 'key_id', 'private_key', 'authorize_scopes'],
  OIDC: ['client_id', 'authorize_scopes', 'attributes_request_method'],
  SAML: [],
}

const OIDC_ENDPOINTS = ['authorize_url', 'token_url', 'attributes_url', 'jwks_uri'] as const

/** Checks ProviderDetails against what its type requires; the messages are chosen (no captured ones). */
export function checkDetails(cx: Can<'InvalidParameterException'>, type: string, details: Details): void {
  for (const key of REQUIRED[type] ?? [])
    if (!get(details, key)) throw invalidParameter(cx, `${key} is required for ${type} identity providers.`)
  if (type === 'OIDC' && !get(details, 'oidc_issuer') && OIDC_ENDPOINTS.some((k) => !get(details, k))) {
    throw invalidParameter(
      cx,
      'oidc_issuer is required for OIDC identity providers unless authorize_url, token_url, attributes_url and jwks_uri are all given.',
    )
  }
  if (type === 'OIDC' && !['GET', 'POST'].includes(get(details, 'attributes_request_method') ?? ''))
    throw invalidParameter(cx, 'attributes_request_method must be GET or POST.')
  // Seen from Cognito: "ActiveEncryptionCertificate is not a valid key for SAML identity provider details."
  // (hashicorp/terraform-provider-aws#36311: a describe response's certificate sent back in an update).
  if (type === 'SAML' && Object.hasOwn(details, 'ActiveEncryptionCertificate'))
    throw invalidParameter(cx, 'ActiveEncryptionCertificate is not a valid key for SAML identity provider details.')
  if (
    type === 'SAML' &&
    Number(Object.hasOwn(details, 'MetadataURL')) + Number(Object.hasOwn(details, 'MetadataFile')) !== 1
  ) {
    throw invalidParameter(cx, 'Exactly one of MetadataURL or MetadataFile must be given for SAML identity providers.')
  }
}

/** Facebook's URLs carry the Graph API version it is given (v17.0 in AWS's example). */
function facebook(details: Details): Record<string, string> {
  const version = get(details, 'api_version') ?? 'v17.0'
  return {
    attributes_url: `https://graph.facebook.com/${version}/me?fields=`,
    attributes_url_add_attributes: 'true',
    authorize_url: `https://www.facebook.com/${version}/dialog/oauth`,
    token_request_method: 'GET',
    token_url: `https://graph.facebook.com/${version}/oauth/access_token`,
  }
}

/** The SSO and SLO redirect-binding locations a SAML metadata document names, when it is given inline. */
function samlEndpoints(details: Details): Record<string, string> {
  const xml = get(details, 'MetadataFile')
  if (!xml) return {}
  const out: Record<string, string> = {}
  const find = (element: string): string | undefined =>
    new RegExp(
      `<(?:\\w+:)?${element}\\b[^>]*Binding="urn:oasis:names:tc:SAML:2\\.0:bindings:HTTP-Redirect"[^>]*Location="([^"]+)"`,
    ).exec(xml)?.[1] ??
    new RegExp(
      `<(?:\\w+:)?${element}\\b[^>]*Location="([^"]+)"[^>]*Binding="urn:oasis:names:tc:SAML:2\\.0:bindings:HTTP-Redirect"`,
    ).exec(xml)?.[1]
  const sso = find('SingleSignOnService')
  const slo = find('SingleLogoutService')
  if (sso) out['SSORedirectBindingURI'] = sso
  if (slo) out['SLORedirectBindingURI'] = slo
  return out
}

/**
 * ProviderDetails as a describe response shows them: sorted keys, the type's additions, its hidden keys removed. A
 * SAML provider shows the pool's encryption certificate (bare base64 DER), the one its encrypted assertions are
 * decrypted with, whether or not `EncryptedResponses` is on: seen from Cognito in the AWS CLI's
 * get-identity-provider-by-identifier example (`"ActiveEncryptionCertificate": "[Certificate contents]"` beside
 * `"IDPSignout": "false"`, no EncryptedResponses) and in lgallard/terraform-aws-cognito-user-pool#135
 * (`EncryptedResponses = false` and `"ActiveEncryptionCertificate" = "MIICvDCCAaSgAwIBAgII....."`).
 */
export function shownDetails(
  type: string,
  details: Details,
  encryptionCertificate?: string | undefined,
): Record<string, string> {
  const added = type === 'Facebook' ? facebook(details) : type === 'SAML' ? samlEndpoints(details) : (ADDED[type] ?? {})
  if (type === 'SAML' && encryptionCertificate !== undefined)
    Object.assign(added, { ActiveEncryptionCertificate: encryptionCertificate })
  const shown = new Map(Object.entries(details))
  for (const [k, v] of Object.entries(added)) if (!shown.has(k)) shown.set(k, v)
  for (const k of HIDDEN[type] ?? []) shown.delete(k)
  return Object.fromEntries([...shown].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * The attribute mapping Cognito adds when a provider is created without one. Seen: Google with `username: sub` in
 * describe responses of public issues; OIDC `sub` → `username` (the Developer Guide, High); Facebook `username: id`
 * (the AWS CLI's describe-identity-provider example, Medium). Chosen: Apple and Amazon follow their user id claims.
 */
export function defaultMapping(type: string): Record<string, string> {
  const username: Record<string, string> = {
    Google: 'sub',
    OIDC: 'sub',
    SignInWithApple: 'sub',
    Facebook: 'id',
    LoginWithAmazon: 'user_id',
  }
  return username[type] ? { username: username[type] } : {}
}
