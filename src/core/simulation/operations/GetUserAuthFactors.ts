import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { authFactors } from '../resources/auth-factors.js'

/** GetUserAuthFactors: the signed-in user's MFA settings and the sign-in factors it has. */
export const GetUserAuthFactors = operation('GetUserAuthFactors', async (cx, input) => {
  const { pool, user } = await signedIn(cx, input.AccessToken)
  return authFactors(cx, pool, user)
})
