import { operation } from '../define.js'
import { findClient } from '../resources/clients.js'

/** DeleteUserPoolClient: the client is gone. */
export const DeleteUserPoolClient = operation('DeleteUserPoolClient', (cx, input) => {
  findClient(cx, input.UserPoolId, input.ClientId)
  cx.tables.clients.delete(input.ClientId)
  return {}
})
