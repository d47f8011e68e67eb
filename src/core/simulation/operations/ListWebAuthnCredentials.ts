import { operation } from '../define.js'
import { signedInOnly } from '../flows/sign-in/signed-in.js'
import { listPasskeys } from '../resources/webauthn-credentials.js'

/** ListWebAuthnCredentials: the signed-in user's passkeys, MaxResults at a time, in the order they were registered. */
export const ListWebAuthnCredentials = operation('ListWebAuthnCredentials', async (cx, input) => {
  const { user } = await signedInOnly(cx, input.AccessToken)
  return listPasskeys(cx, user, input.MaxResults, input.NextToken)
})
