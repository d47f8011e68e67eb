import { operation } from '../define.js'
import { bareCertificate, samlKey } from '../resources/saml-keys.js'
import { findPool } from '../resources/user-pools.js'

/**
 * GetSigningCertificate: the pool's SAML signing certificate, the one its signed AuthnRequests carry (AWS's
 * documentation: "valid for 10 years from the date of issue"). Chosen without evidence: the certificate as bare
 * base64 DER, the form SAML metadata holds (whether Cognito adds PEM armour is not captured).
 */
export const GetSigningCertificate = operation('GetSigningCertificate', async (cx, input) => {
  findPool(cx, input.UserPoolId)
  const key = await samlKey(cx, input.UserPoolId, 'signing')
  return { Certificate: bareCertificate(key.cert) }
})
