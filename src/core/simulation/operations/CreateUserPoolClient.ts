import { operation } from '../define.js'
import { createClient, describeClient } from '../resources/clients.js'

/** CreateUserPoolClient: a 26-character id, a 52-character secret when asked for, defaults for the rest. */
export const CreateUserPoolClient = operation('CreateUserPoolClient', (cx, input) => ({
  UserPoolClient: describeClient(createClient(cx, input)),
}))
