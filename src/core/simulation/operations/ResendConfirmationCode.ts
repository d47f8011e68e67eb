import { fail } from '../context.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { deliver } from '../flows/messages.js'
import { callAddress, recordEventOf } from '../flows/threat-protection.js'
import { checkSecretHash, publicClient } from '../resources/clients.js'
import { CODE_LIFETIME, countAttempt, newCode } from '../resources/codes.js'
import { simulatedTarget, verificationTarget } from '../resources/delivery-targets.js'
import { CLIENT_USER_NOT_FOUND, hidesUsers } from '../resources/existence.js'
import { mask } from '../resources/messages.js'
import { lookupUser } from '../resources/users.js'

/** ResendConfirmationCode: a new sign-up code for an unconfirmed user (the old one no longer works). */
export const ResendConfirmationCode = operation('ResendConfirmationCode', async (cx, input) => {
  const { client, pool } = publicClient(cx, input.ClientId)
  checkSecretHash(cx, client, input.Username, input.SecretHash)
  const found = lookupUser(cx, pool, input.Username)
  // Documented for PreventUserExistenceErrors: a code "sent" to a simulated address for unknown and disabled users.
  if (hidesUsers(client) && !found?.enabled) {
    const target = simulatedTarget(pool, input.Username)
    return {
      CodeDeliveryDetails: {
        Destination: mask(target.medium, target.destination),
        DeliveryMedium: target.medium,
        AttributeName: target.attribute,
      },
    }
  }
  if (!found) throw fail(cx, 'UserNotFoundException', CLIENT_USER_NOT_FOUND)
  const user = countAttempt(cx, found, 'ResendConfirmationCode')
  // Seen in client code matching Cognito's text.
  if (user.status !== 'UNCONFIRMED') throw invalidParameter(cx, 'User is already confirmed.')
  const target = verificationTarget(pool, user.attributes)
  // Seen (Medium): the message when the pool auto-verifies nothing the user has (app notes quote "Error: Cannot resend
  // codes. Auto verification not turned on."; client code maps it under InvalidParameterException).
  if (!target) throw invalidParameter(cx, 'Cannot resend codes. Auto verification not turned on.')
  const code = newCode(cx, CODE_LIFETIME.signUp, target.attribute)
  const next = cx.tables.users.put({ ...user, codes: { ...user.codes, signUp: code } })
  const delivery = {
    ...target,
    code: code.code,
    clientId: client.client.ClientId,
    ...(input.ClientMetadata && { clientMetadata: input.ClientMetadata }),
  }
  const details = await deliver(cx, pool, next, 'ResendCode', delivery)
  const ip = callAddress(cx, client, input.UserContextData, false)
  recordEventOf(cx, { pool, clientId: client.client.ClientId, ip }, next, 'ResendCode')
  return { CodeDeliveryDetails: details }
})
