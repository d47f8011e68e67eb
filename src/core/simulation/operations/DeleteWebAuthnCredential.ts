import { operation } from '../define.js'
import { signedInOnly } from '../flows/sign-in/signed-in.js'
import { findPasskey } from '../resources/webauthn-credentials.js'

/** DeleteWebAuthnCredential: the signed-in user deletes one of its passkeys; it no longer signs the user in. */
export const DeleteWebAuthnCredential = operation('DeleteWebAuthnCredential', async (cx, input) => {
  const { user } = await signedInOnly(cx, input.AccessToken)
  const row = findPasskey(cx, user, input.CredentialId)
  cx.tables.webauthnCredentials.delete(`${row.poolId}/${row.id}`)
  return {}
})
