import { fail } from '../context.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { checkSecretHash, publicClient } from '../resources/clients.js'
import { CODE_LIFETIME, newCode } from '../resources/codes.js'
import { verificationTarget } from '../resources/delivery-targets.js'
import { newIdentity } from '../resources/identities.js'
import { deliver } from '../resources/messages.js'
import { checkPassword, PASSWORD_PREFIX } from '../resources/passwords.js'
import { checkAttributes, checkRequired, checkWritable } from '../resources/user-attributes.js'
import { aliasesOf } from '../resources/users.js'

/** SignUp: a new UNCONFIRMED user, and a confirmation code to an auto-verified address it gave. */
export const SignUp = operation('SignUp', (cx, input) => {
  const { client, pool } = publicClient(cx, input.ClientId)
  checkSecretHash(cx, client, input.Username, input.SecretHash)
  // Seen from Cognito when self-registration is off.
  if (pool.pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly)
    throw fail(cx, 'NotAuthorizedException', 'SignUp is not permitted for this user pool')
  checkWritable(
    cx,
    client.client.WriteAttributes,
    (input.UserAttributes ?? []).map((a) => a.Name),
  )
  const given = checkAttributes(cx, pool, input.UserAttributes ?? [], 'user')
  const sub = cx.ids.uuid()
  // Seen from Cognito: "User already exists" for a taken username.
  const identity = newIdentity(cx, pool, input.Username, given, sub, 'User already exists')
  if (input.Password === undefined) {
    const passwordless = (pool.pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).some((f) => f !== 'PASSWORD')
    // Chosen: the message for a sign-up without a password in a pool that signs in only with one.
    if (!passwordless) throw invalidParameter(cx, 'A password is required to sign up in this user pool.')
  } else checkPassword(cx, pool, input.Password, PASSWORD_PREFIX.signUp)
  checkRequired(cx, pool, identity.attributes)
  const attributes: Array<[string, string]> = [['sub', sub], ...identity.attributes]
  const target = verificationTarget(pool, attributes)
  const code = target ? newCode(cx, CODE_LIFETIME.signUp, target.attribute) : undefined
  const now = cx.now()
  const user = cx.tables.users.insert({
    poolId: pool.pool.Id,
    username: identity.username,
    key: identity.key,
    sub,
    attributes,
    status: 'UNCONFIRMED',
    enabled: true,
    ...(input.Password !== undefined && { password: input.Password }),
    history: [],
    aliases: aliasesOf(pool, attributes, 'UNCONFIRMED'),
    codes: code ? { signUp: code } : {},
    pending: [],
    attempts: {},
    created: now,
    modified: now,
  })
  // Seen from Cognito (tests run against AWS): CodeDeliveryDetails only when an auto-verified address was given.
  const details = target && code ? deliver(cx, pool, user, 'SignUp', { ...target, code: code.code }) : undefined
  return { UserConfirmed: false, UserSub: sub, ...(details && { CodeDeliveryDetails: details }) }
})
