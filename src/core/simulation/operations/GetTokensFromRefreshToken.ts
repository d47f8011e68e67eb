import { operation } from '../define.js'
import { refreshByGetTokens } from '../flows/sign-in/refresh.js'
import { publicClient } from '../resources/clients.js'

/** GetTokensFromRefreshToken: new tokens, and a new refresh token where the client rotates them (what Amplify v6 refreshes with). */
export const GetTokensFromRefreshToken = operation('GetTokensFromRefreshToken', async (cx, input) => {
  const { client, pool } = publicClient(cx, input.ClientId)
  const result = await refreshByGetTokens(
    cx,
    { pool, client, admin: false, clientMetadata: input.ClientMetadata },
    input.RefreshToken,
    input.ClientSecret,
  )
  return { AuthenticationResult: result }
})
