import { operation } from '../define.js'
import { deleteSecret } from '../resources/client-secrets.js'
import { findClient } from '../resources/clients.js'

/** DeleteUserPoolClientSecret: a rotated-out secret stops working at once; the client's last secret cannot go. */
export const DeleteUserPoolClientSecret = operation('DeleteUserPoolClientSecret', (cx, input) => {
  deleteSecret(cx, findClient(cx, input.UserPoolId, input.ClientId), input.ClientSecretId)
  return {}
})
