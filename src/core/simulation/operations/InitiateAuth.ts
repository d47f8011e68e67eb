import { operation } from '../define.js'
import { initiate } from '../flows/sign-in/initiate.js'
import { callAddress } from '../flows/threat-protection.js'
import { publicClient } from '../resources/clients.js'

/** InitiateAuth: a sign-in begins, and answers with a challenge or tokens. */
export const InitiateAuth = operation('InitiateAuth', async (cx, input) => {
  const { client, pool } = publicClient(cx, input.ClientId)
  return initiate(
    cx,
    {
      pool,
      client,
      admin: false,
      clientMetadata: input.ClientMetadata,
      ip: callAddress(cx, client, input.UserContextData, false),
    },
    input.AuthFlow,
    input.AuthParameters ?? {},
  )
})
