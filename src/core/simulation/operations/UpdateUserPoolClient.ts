import { operation } from '../define.js'
import {
  checkClientAttributes,
  checkOAuthSettings,
  checkSupportedProviders,
  clientSettings,
  describeClient,
  findClient,
} from '../resources/clients.js'
import { findPool } from '../resources/user-pools.js'

/** UpdateUserPoolClient: what is given replaces, what is left out goes back to its default (as Cognito documents). */
export const UpdateUserPoolClient = operation('UpdateUserPoolClient', (cx, input) => {
  const row = findClient(cx, input.UserPoolId, input.ClientId)
  checkSupportedProviders(cx, input.UserPoolId, input.SupportedIdentityProviders)
  checkClientAttributes(cx, findPool(cx, input.UserPoolId), input, 'updating')
  const { UserPoolId, ClientId, ClientSecret } = row.client
  checkOAuthSettings(cx, UserPoolId, input, ClientSecret !== undefined)
  const client = {
    UserPoolId,
    ClientId,
    ClientName: input.ClientName ?? row.client.ClientName,
    ...(ClientSecret !== undefined && { ClientSecret }),
    ...clientSettings(input),
  }
  return {
    UserPoolClient: describeClient(
      cx.tables.clients.put({ client, created: row.created, modified: Math.max(cx.now(), row.modified) }),
    ),
  }
})
