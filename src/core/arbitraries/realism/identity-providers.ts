import fc from 'fast-check'
import { chars, clientId, uuid } from './ids.js'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('')
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('')

/** Provider names as people give them to SAML and OIDC providers. */
export const enterpriseNames = fc.constantFrom(
  'Okta',
  'AzureAD',
  'Auth0',
  'OneLogin',
  'PingFederate',
  'Keycloak',
  'CorpSSO',
)

/** The name a provider of each type has: social providers are named after their type. */
export function providerName(type: string): fc.Arbitrary<string> {
  return type === 'SAML' || type === 'OIDC' ? enterpriseNames : fc.constant(type)
}

const secret = fc.tuple(chars(LOWER, 24), chars(LOWER, 16)).map(([a, b]) => a + b)

/** The `ProviderDetails` keys each provider type takes, with realistic values. */
export function providerDetails(type: string): fc.Arbitrary<Record<string, string>> {
  switch (type) {
    case 'OIDC':
      return fc.record({
        client_id: clientId,
        client_secret: secret,
        authorize_scopes: fc.constantFrom('openid', 'openid email', 'openid email profile'),
        oidc_issuer: fc.constantFrom('https://idp.example.com', 'https://login.example.org/oauth2/default'),
        attributes_request_method: fc.constantFrom('GET', 'POST'),
      })
    case 'SAML':
      return fc.oneof(
        fc.record({
          MetadataURL: fc.constantFrom(
            'https://idp.example.com/saml/metadata',
            'https://login.example.org/federationmetadata/2007-06/federationmetadata.xml',
          ),
          IDPSignout: fc.constantFrom('true', 'false'),
        }),
        fc.record({
          MetadataFile: fc.constant(
            '<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"/>',
          ),
        }),
      )
    case 'Google':
      return fc.record({
        client_id: chars(LOWER, 24).map((s) => `${s}.apps.googleusercontent.com`),
        client_secret: secret,
        authorize_scopes: fc.constant('profile email openid'),
      })
    case 'Facebook':
      return fc.record({
        client_id: chars('0123456789'.split(''), 15),
        client_secret: secret,
        authorize_scopes: fc.constant('public_profile,email'),
        api_version: fc.constantFrom('v17.0', 'v18.0'),
      })
    case 'LoginWithAmazon':
      return fc.record({
        client_id: chars(LOWER, 32).map((s) => `amzn1.application-oa2-client.${s}`),
        client_secret: secret,
        authorize_scopes: fc.constant('profile postal_code'),
      })
    case 'SignInWithApple':
      return fc.record({
        client_id: fc.constantFrom('com.example.app', 'com.example.web'),
        team_id: chars(ALNUM, 10),
        key_id: chars(ALNUM, 10),
        private_key: uuid.map((id) => `-----BEGIN PRIVATE KEY-----${id}-----END PRIVATE KEY-----`),
        authorize_scopes: fc.constant('email name'),
      })
    default:
      return fc.record({ client_id: clientId })
  }
}

/** The attribute mapping a provider of each type usually has. */
export function attributeMapping(type: string): fc.Arbitrary<Record<string, string>> {
  if (type === 'SAML')
    return fc.constant({ email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress' })
  if (type === 'OIDC' || type === 'Google' || type === 'SignInWithApple')
    return fc.constant({ email: 'email', username: 'sub' })
  if (type === 'Facebook' || type === 'LoginWithAmazon') return fc.constant({ email: 'email', username: 'id' })
  return fc.constant({ username: 'sub' })
}

/** Identifiers people give enterprise providers (email domains and short names). */
export const idpIdentifiers = fc.uniqueArray(fc.constantFrom('example.com', 'corp', 'example.org', 'okta-prod'), {
  maxLength: 2,
})
