import type { Can } from '../context.js'
import { invalidParameter } from '../errors.js'

/** Hosts the simulation reaches out to: loopback only (an outside provider run by the test), never the internet. */
export function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname
    return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host)
  } catch {
    return false
  }
}

/** The endpoints an OIDC provider's discovery document names, as ProviderDetails keeps them. */
export interface DiscoveredEndpoints {
  readonly authorize_url: string
  readonly token_url: string
  readonly attributes_url: string
  readonly jwks_uri: string
}

/**
 * Reads `<oidc_issuer>/.well-known/openid-configuration` (AWS's documentation: Cognito fills the endpoints from it).
 * The simulation fetches loopback issuers only (a provider the test runs; Cognito itself demands https and ports
 * 80/443); an issuer it cannot read fails with InvalidParameterException (wording chosen: not captured).
 */
export async function discoverEndpoints(
  cx: Can<'InvalidParameterException'>,
  issuer: string,
): Promise<DiscoveredEndpoints> {
  const where = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
  let document: Record<string, unknown>
  try {
    const response = await fetch(where, { signal: AbortSignal.timeout(5_000) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    document = (await response.json()) as Record<string, unknown>
  } catch (error) {
    throw invalidParameter(cx, `Unable to contact well-known endpoint ${where}: ${(error as Error).message}`)
  }
  const pick = (key: string): string => {
    const value = document[key]
    if (typeof value !== 'string') throw invalidParameter(cx, `The discovery document at ${where} has no ${key}.`)
    return value
  }
  return {
    authorize_url: pick('authorization_endpoint'),
    token_url: pick('token_endpoint'),
    attributes_url: pick('userinfo_endpoint'),
    jwks_uri: pick('jwks_uri'),
  }
}
