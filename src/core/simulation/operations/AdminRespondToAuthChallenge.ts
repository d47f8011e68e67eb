import { operation } from '../define.js'
import { answerChallenge } from '../flows/sign-in/answer.js'
import { callAddress } from '../flows/threat-protection.js'
import { findClient } from '../resources/clients.js'
import { findPool } from '../resources/user-pools.js'

/** AdminRespondToAuthChallenge: a server-side sign-in's challenge answered. */
export const AdminRespondToAuthChallenge = operation('AdminRespondToAuthChallenge', async (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const client = findClient(cx, input.UserPoolId, input.ClientId)
  return answerChallenge(
    cx,
    {
      pool,
      client,
      admin: true,
      clientMetadata: input.ClientMetadata,
      ip: callAddress(cx, client, input.ContextData, true),
    },
    input.ChallengeName,
    input.ChallengeResponses ?? {},
    input.Session,
  )
})
