import { operation } from '../define.js'
import { answerChallenge } from '../flows/sign-in/answer.js'
import { callAddress } from '../flows/threat-protection.js'
import { publicClient } from '../resources/clients.js'

/** RespondToAuthChallenge: a challenge answered, and the next one or the tokens. */
export const RespondToAuthChallenge = operation('RespondToAuthChallenge', async (cx, input) => {
  const { client, pool } = publicClient(cx, input.ClientId)
  return answerChallenge(
    cx,
    {
      pool,
      client,
      admin: false,
      clientMetadata: input.ClientMetadata,
      ip: callAddress(cx, client, input.UserContextData, false),
    },
    input.ChallengeName,
    input.ChallengeResponses ?? {},
    input.Session,
  )
})
