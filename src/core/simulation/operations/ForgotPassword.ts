import { fail } from '../context.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { deliver } from '../flows/messages.js'
import { migrateUser } from '../flows/migration.js'
import { callAddress, checkAddress, recordEventOf } from '../flows/threat-protection.js'
import { checkSecretHash, publicClient } from '../resources/clients.js'
import { CODE_LIFETIME, countAttempt, newCode } from '../resources/codes.js'
import { recoveryTarget, simulatedTarget } from '../resources/delivery-targets.js'
import { CLIENT_USER_NOT_FOUND, hidesUsers } from '../resources/existence.js'
import { mask } from '../resources/messages.js'
import { lookupUser } from '../resources/users.js'

/** ForgotPassword: a reset code to the user's verified address, by the pool's AccountRecoverySetting. */
export const ForgotPassword = operation('ForgotPassword', async (cx, input) => {
  const { client, pool } = publicClient(cx, input.ClientId)
  checkSecretHash(cx, client, input.Username, input.SecretHash)
  const attempt = { pool, clientId: client.client.ClientId, ip: callAddress(cx, client, input.UserContextData, false) }
  // Seen (Medium: an application's tests expect the always-blocked address's refusal from forgotPassword too).
  checkAddress(cx, attempt)
  // UserMigration_ForgotPassword for a user the pool does not know (AWS's documentation of migrate user).
  const found =
    lookupUser(cx, pool, input.Username) ??
    (await migrateUser(cx, pool, {
      source: 'UserMigration_ForgotPassword',
      userName: input.Username,
      clientId: client.client.ClientId,
      clientMetadata: input.ClientMetadata,
    }))
  const target = found?.enabled ? recoveryTarget(pool, found) : undefined
  // Documented for PreventUserExistenceErrors: unknown, disabled and unverifiable users get a simulated delivery.
  if (hidesUsers(client) && (!found || !target)) {
    const simulated = simulatedTarget(pool, input.Username)
    return {
      CodeDeliveryDetails: {
        Destination: mask(simulated.medium, simulated.destination),
        DeliveryMedium: simulated.medium,
        AttributeName: simulated.attribute,
      },
    }
  }
  if (!found) throw fail(cx, 'UserNotFoundException', CLIENT_USER_NOT_FOUND)
  // Seen from Cognito for a user who still has a temporary password.
  if (found.status === 'FORCE_CHANGE_PASSWORD')
    throw fail(cx, 'NotAuthorizedException', 'User password cannot be reset in the current state.')
  // Chosen: a disabled user is refused as sign-in refuses it ("User is disabled.", seen from Cognito).
  if (!found.enabled) throw fail(cx, 'NotAuthorizedException', 'User is disabled.')
  const user = countAttempt(cx, found, 'ForgotPassword')
  // Seen in Cognito's error texts (amplify-ui's dictionaries translate this message).
  if (!target)
    throw invalidParameter(
      cx,
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    )
  const code = newCode(cx, CODE_LIFETIME.forgotPassword, target.attribute)
  const next = cx.tables.users.put({ ...user, codes: { ...user.codes, forgotPassword: code } })
  recordEventOf(cx, attempt, next, 'ForgotPassword')
  const delivery = {
    ...target,
    code: code.code,
    clientId: client.client.ClientId,
    ...(input.ClientMetadata && { clientMetadata: input.ClientMetadata }),
  }
  return { CodeDeliveryDetails: await deliver(cx, pool, next, 'ForgotPassword', delivery) }
})
