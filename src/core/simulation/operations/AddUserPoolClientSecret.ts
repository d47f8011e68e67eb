import { operation } from '../define.js'
import { addSecret, describeSecret } from '../resources/client-secrets.js'
import { findClient, LOWER_ALNUM } from '../resources/clients.js'

/**
 * AddUserPoolClientSecret: a second active secret for a confidential client, to rotate the first out. Seen in the
 * model: the value is returned only when Cognito generated it (a caller's secret is never echoed back).
 */
export const AddUserPoolClientSecret = operation('AddUserPoolClientSecret', (cx, input) => {
  const client = findClient(cx, input.UserPoolId, input.ClientId)
  const row = addSecret(cx, client, input.ClientSecret, LOWER_ALNUM)
  return {
    ClientSecretDescriptor: {
      ...describeSecret(row),
      ...(input.ClientSecret === undefined && { ClientSecretValue: row.secret }),
    },
  }
})
