import type { DeliveryMediumType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { newIdentity } from '../resources/identities.js'
import { deliver } from '../resources/messages.js'
import { checkPassword, PASSWORD_PREFIX, temporaryExpiry, temporaryPassword } from '../resources/passwords.js'
import { checkAttributes } from '../resources/user-attributes.js'
import { findPool, type PoolRow } from '../resources/user-pools.js'
import { attribute, changed, claimAliases, describeUser, findUser, type UserRow } from '../resources/users.js'
import { preSignUp } from '../triggers/sign-up.js'
import type { LambdaErrors } from '../triggers/types.js'

/**
 * Sends the invitation with the temporary password by each desired medium the user has an address for
 * (SMS by default, as the model documents). Chosen: a user with none of them gets none, without an error.
 */
async function invite(
  cx: Can<LambdaErrors>,
  pool: PoolRow,
  user: UserRow,
  password: string,
  mediums: readonly DeliveryMediumType[],
  clientMetadata: Readonly<Record<string, string>> | undefined,
): Promise<void> {
  for (const medium of mediums) {
    const attr = medium === 'EMAIL' ? 'email' : 'phone_number'
    const destination = attribute(user, attr)
    if (destination)
      await deliver(cx, pool, user, 'AdminCreateUser', {
        medium,
        destination,
        attribute: attr,
        temporaryPassword: password,
        ...(clientMetadata && { clientMetadata }),
      })
  }
}

/** AdminCreateUser: a user in FORCE_CHANGE_PASSWORD with a temporary password, invited unless suppressed; RESEND renews it. */
export const AdminCreateUser = operation('AdminCreateUser', async (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const mediums = input.DesiredDeliveryMediums ?? ['SMS']
  if (input.TemporaryPassword) checkPassword(cx, pool, input.TemporaryPassword, PASSWORD_PREFIX.adminCreateUser)
  const password = input.TemporaryPassword || temporaryPassword(cx, pool)
  if (input.MessageAction === 'RESEND') {
    const user = findUser(cx, pool, input.Username)
    // Chosen wording; UnsupportedUserStateException is the type the model gives for this.
    if (user.status !== 'FORCE_CHANGE_PASSWORD') {
      throw fail(
        cx,
        'UnsupportedUserStateException',
        `Resend not possible. ${user.username} status is not FORCE_CHANGE_PASSWORD.`,
      )
    }
    const next = cx.tables.users.put(changed(cx, pool, user, { password, temporaryExpires: temporaryExpiry(cx, pool) }))
    await invite(cx, pool, next, password, mediums, input.ClientMetadata)
    return { User: describeUser(next) }
  }
  const given = checkAttributes(cx, pool, input.UserAttributes ?? [], 'admin')
  const sub = cx.ids.uuid()
  // Seen from Cognito: "User account already exists" for a taken username.
  const identity = newIdentity(cx, pool, input.Username, given, sub, 'User account already exists')
  const attributes: Array<[string, string]> = [['sub', sub], ...identity.attributes]
  if (
    input.MessageAction !== 'SUPPRESS' &&
    !mediums.some((m) => attributes.some(([n]) => n === (m === 'EMAIL' ? 'email' : 'phone_number')))
  ) {
    // Chosen wording for an invitation with nowhere to go.
    throw invalidParameter(cx, 'User has no attribute matching desired delivery mediums')
  }
  // PreSignUp_AdminCreateUser: a throw refuses the user; the flags it returns are ignored (AWS's documentation).
  await preSignUp(cx, pool, {
    source: 'PreSignUp_AdminCreateUser',
    userName: identity.username,
    attributes: identity.attributes,
    validationData: input.ValidationData,
    clientMetadata: input.ClientMetadata,
  })
  const now = cx.now()
  const draft: UserRow = {
    poolId: pool.pool.Id,
    username: identity.username,
    key: identity.key,
    sub,
    attributes,
    status: 'FORCE_CHANGE_PASSWORD',
    enabled: true,
    password,
    history: [],
    temporaryExpires: temporaryExpiry(cx, pool),
    aliases: [],
    codes: {},
    pending: [],
    attempts: {},
    created: now,
    modified: now,
  }
  const user = cx.tables.users.insert(
    claimAliases(cx, pool, changed(cx, pool, draft, {}), input.ForceAliasCreation === true),
  )
  if (input.MessageAction !== 'SUPPRESS') await invite(cx, pool, user, password, mediums, input.ClientMetadata)
  return { User: describeUser(user) }
})
