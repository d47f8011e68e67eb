/** The parts of a SigV4 credential scope: `Credential=<key id>/<date>/<region>/<service>/aws4_request`. */
export interface CredentialScope {
  readonly accessKeyId: string
  readonly date: string
  readonly region: string
  readonly service: string
}

/** The region named by a Cognito endpoint's host, if any (`cognito-idp.eu-west-1.amazonaws.com` names `eu-west-1`). */
export function regionOf(url: string): string | undefined {
  const match = /^https?:\/\/cognito-idp(?:-fips)?\.([a-z0-9-]+)\.(?:amazonaws\.com|api\.aws)/.exec(url)
  return match?.[1]
}

/** The credential scope of a SigV4 `Authorization` header, if it has one. */
export function credentialScope(authorization: string | undefined): CredentialScope | undefined {
  const match = /Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/.exec(authorization ?? '')
  if (!match) return undefined
  return { accessKeyId: match[1]!, date: match[2]!, region: match[3]!, service: match[4]! }
}

/**
 * The account a call's credentials belong to, where they say: an access key id of twelve digits is taken
 * as the account id (chosen, following LocalStack's convention), so tests can keep accounts apart.
 */
export function accountOf(scope: CredentialScope | undefined): string | undefined {
  return scope && /^\d{12}$/.test(scope.accessKeyId) ? scope.accessKeyId : undefined
}
