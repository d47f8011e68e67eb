import { operation } from '../define.js'
import { checkSupportedProviders, clientSettings, describeClient, LOWER_ALNUM } from '../resources/clients.js'
import { findPool } from '../resources/user-pools.js'

/** CreateUserPoolClient: a 26-character id, a 52-character secret when asked for, defaults for the rest. */
export const CreateUserPoolClient = operation('CreateUserPoolClient', (cx, input) => {
  findPool(cx, input.UserPoolId)
  checkSupportedProviders(cx, input.UserPoolId, input.SupportedIdentityProviders)
  let id = cx.ids.chars(26, LOWER_ALNUM)
  while (cx.tables.clients.has(id)) id = cx.ids.chars(26, LOWER_ALNUM)
  const secret = input.ClientSecret ?? (input.GenerateSecret ? cx.ids.chars(52, LOWER_ALNUM) : undefined)
  const now = cx.now()
  const row = cx.tables.clients.insert({
    client: {
      UserPoolId: input.UserPoolId,
      ClientName: input.ClientName,
      ClientId: id,
      ...(secret !== undefined && { ClientSecret: secret }),
      ...clientSettings(input),
    },
    created: now,
    modified: now,
  })
  return { UserPoolClient: describeClient(row) }
})
