import { operation } from '../define.js'
import { authFactors } from '../resources/auth/factors.js'
import { signedIn } from '../resources/auth/signed-in.js'

/** GetUserAuthFactors: the signed-in user's MFA settings and the sign-in factors it has. */
export const GetUserAuthFactors = operation('GetUserAuthFactors', async (cx, input) => {
  const { pool, user } = await signedIn(cx, input.AccessToken)
  return authFactors(pool, user)
})
