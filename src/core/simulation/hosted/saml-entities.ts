import type { ProviderRow } from '../resources/identity-providers.js'
import { isLoopback } from '../resources/oidc-discovery.js'
import { samlKey } from '../resources/saml-keys.js'
import type { SamlLibrary } from '../resources/saml-library.js'
import type { Site } from './types.js'

/** `RequestSigningAlgorithm`'s one value, as XML-DSig names it. */
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'

/** The provider of a pool with its type's details, when it is a SAML provider. */
export function samlProvider(site: Site, name: string): ProviderRow | undefined {
  const provider = site.cx.tables.providers.get(`${site.pool.pool.Id}/${name}`)
  return provider?.type === 'SAML' ? provider : undefined
}

/** The provider's metadata: `MetadataFile`, or `MetadataURL` read (loopback hosts only: the simulation never leaves). */
async function metadataOf(provider: ProviderRow): Promise<string> {
  const file = provider.details['MetadataFile']
  if (file) return file
  const url = provider.details['MetadataURL'] ?? ''
  if (!isLoopback(url)) throw new Error(`The metadata at ${url} cannot be reached by the simulation (loopback only).`)
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) })
  if (!response.ok) throw new Error(`The metadata at ${url} answered HTTP ${response.status}.`)
  return response.text()
}

/**
 * The pool as a SAML service provider (AWS's documentation: entity id `urn:amazon:cognito:sp:<poolId>`, the ACS
 * `/saml2/idpresponse`, sign-out at `/saml2/logout`) and the provider's IdP from its metadata. `nameIdFormat` is
 * the format a LogoutRequest names its NameID in.
 */
export async function samlEntities(
  site: Site,
  provider: ProviderRow,
  library: SamlLibrary,
  nameIdFormat?: string | undefined,
) {
  const poolId = site.pool.pool.Id
  const [signing, encryption, metadata] = await Promise.all([
    samlKey(site.cx, poolId, 'signing'),
    samlKey(site.cx, poolId, 'encryption'),
    metadataOf(provider),
  ])
  const encrypted = provider.details['EncryptedResponses'] === 'true'
  const signed = provider.details['RequestSigningAlgorithm'] === 'rsa-sha256'
  const { binding } = library.Constants.namespace
  const sp = library.ServiceProvider({
    entityID: `urn:amazon:cognito:sp:${poolId}`,
    assertionConsumerService: [{ Binding: binding.post, Location: `${site.base}/saml2/idpresponse` }],
    singleLogoutService: [{ Binding: binding.post, Location: `${site.base}/saml2/logout` }],
    authnRequestsSigned: signed,
    // The IdP's LogoutResponse is verified against the certificates of its metadata.
    wantLogoutResponseSigned: true,
    privateKey: signing.key,
    signingCert: signing.cert,
    encPrivateKey: encryption.key,
    encryptCert: encryption.cert,
    requestSignatureAlgorithm: RSA_SHA256,
    ...(nameIdFormat !== undefined && { nameIDFormat: [nameIdFormat] }),
    // The simulation's clock decides the time window, not the machine's.
    clockDrifts: [-1e15, 1e15],
  })
  const idp = library.IdentityProvider({
    metadata,
    isAssertionEncrypted: encrypted,
    wantAuthnRequestsSigned: signed,
    // Seen from Cognito: "Amazon Cognito signs the sign-out request with your user pool signing certificate."
    // (AWS's Developer Guide, "Signing out SAML users with single sign-out").
    wantLogoutRequestSigned: true,
  })
  // Cognito signs its requests by its own setting, whatever the IdP's metadata says it wants (samlify insists the
  // two agree): both sides are told the pool's choice.
  idp.entityMeta.isWantAuthnRequestsSigned = () => signed
  sp.entityMeta.isAuthnRequestSigned = () => signed
  return { sp, idp }
}
