import type { AuthFlowType } from '../../../../../generated/types.js'
import type { Can } from '../../context.js'
import { invalidParameter } from '../../errors.js'
import { checkAddress } from '../threat-protection.js'
import { type BeginErrors, checkFlow, checkHash, choiceSignIn, passwordSignIn, srpSignIn } from './begin.js'
import { customSignIn } from './custom-auth.js'
import { type AuthAnswer, type AuthEnv, attemptOf } from './next.js'
import { refreshByInitiate } from './refresh.js'

/**
 * Starts a sign-in as InitiateAuth and AdminInitiateAuth do. Seen from Cognito: "Missing required parameter
 * USERNAME"; for CUSTOM_AUTH without its triggers, "Custom auth lambda trigger is not configured for the user pool."
 */
export async function initiate(
  cx: Can<BeginErrors>,
  env: AuthEnv,
  flow: AuthFlowType,
  parameters: Readonly<Record<string, string>>,
): Promise<AuthAnswer> {
  checkFlow(cx, env, flow)
  checkAddress(cx, attemptOf({ ...env, custom: flow === 'CUSTOM_AUTH' }))
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    const token = parameters['REFRESH_TOKEN']
    if (token === undefined) throw invalidParameter(cx, 'Missing required parameter REFRESH_TOKEN')
    const result = await refreshByInitiate(cx, env, token, parameters['SECRET_HASH'])
    return { ChallengeParameters: {}, AuthenticationResult: result }
  }
  const name = parameters['USERNAME']
  if (name === undefined) throw invalidParameter(cx, 'Missing required parameter USERNAME')
  checkHash(cx, env, name, parameters['SECRET_HASH'])
  const deviceKey = parameters['DEVICE_KEY']
  switch (flow) {
    case 'USER_SRP_AUTH':
      return srpSignIn(cx, env, name, parameters['SRP_A'], deviceKey)
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      return passwordSignIn(cx, env, name, parameters['PASSWORD'], deviceKey)
    case 'USER_AUTH':
      return choiceSignIn(cx, env, name, parameters)
    case 'CUSTOM_AUTH':
      return customSignIn(cx, env, name, parameters, (user, srpA) => srpSignIn(cx, env, user, srpA, deviceKey, true))
    default:
      throw invalidParameter(cx, `${flow} is not supported for this user pool.`)
  }
}
