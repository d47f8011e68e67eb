import { operation } from '../define.js'
import { initiate } from '../flows/sign-in/initiate.js'
import { callAddress } from '../flows/threat-protection.js'
import { findClient } from '../resources/clients.js'
import { findPool } from '../resources/user-pools.js'

/** AdminInitiateAuth: a server-side sign-in, with the admin password flows. */
export const AdminInitiateAuth = operation('AdminInitiateAuth', async (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const client = findClient(cx, input.UserPoolId, input.ClientId)
  return initiate(
    cx,
    {
      pool,
      client,
      admin: true,
      clientMetadata: input.ClientMetadata,
      ip: callAddress(cx, client, input.ContextData, true),
    },
    input.AuthFlow,
    input.AuthParameters ?? {},
  )
})
