import { operation } from '../define.js'
import { activeSecrets, describeSecret } from '../resources/client-secrets.js'
import { findClient } from '../resources/clients.js'

/**
 * ListUserPoolClientSecrets: the client's active secrets, oldest first, without their values and without a NextToken
 * (seen in the model: "there are only 2 secrets at any given time and we return both"). Chosen without evidence: a
 * public client lists none, and a NextToken given is ignored (none is ever handed out).
 */
export const ListUserPoolClientSecrets = operation('ListUserPoolClientSecrets', (cx, input) => {
  const client = findClient(cx, input.UserPoolId, input.ClientId)
  return { ClientSecrets: activeSecrets(cx, client).map(describeSecret) }
})
