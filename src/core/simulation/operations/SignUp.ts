import { fail } from '../context.js'
import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { deliver } from '../flows/messages.js'
import { callAddress, checkNewPassword, recordEventOf } from '../flows/threat-protection.js'
import { checkSecretHash, publicClient } from '../resources/clients.js'
import { CODE_LIFETIME, newCode } from '../resources/codes.js'
import { verificationTarget } from '../resources/delivery-targets.js'
import { newIdentity } from '../resources/identities.js'
import { passwordKey } from '../resources/password-keys.js'
import { checkPassword, PASSWORD_PREFIX } from '../resources/passwords.js'
import { checkAttributes, checkRequired, checkWritable, merged } from '../resources/user-attributes.js'
import { aliasesOf, claimAliases, type UserRow } from '../resources/users.js'
import { postConfirmation, preSignUp } from '../triggers/sign-up.js'

/**
 * SignUp: a new UNCONFIRMED user, and a confirmation code to an auto-verified address it gave; a PreSignUp function
 * may confirm the user and verify its addresses, and then PostConfirmation runs too (AWS's documentation).
 */
export const SignUp = operation('SignUp', async (cx, input) => {
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
  const attempt = { pool, clientId: client.client.ClientId, ip: callAddress(cx, client, input.UserContextData, false) }
  if (input.Password !== undefined) checkNewPassword(cx, attempt, undefined, input.Password, 'SIGN_UP')
  checkRequired(cx, pool, identity.attributes)
  const decision = await preSignUp(cx, pool, {
    source: 'PreSignUp_SignUp',
    userName: identity.username,
    clientId: client.client.ClientId,
    attributes: identity.attributes,
    validationData: input.ValidationData,
    clientMetadata: input.ClientMetadata,
  })
  let attributes: Array<readonly [string, string]> = [['sub', sub], ...identity.attributes]
  const has = (name: string) => attributes.some(([n]) => n === name)
  // Seen (Medium-High): Cognito refuses auto-verification of a user it does not auto-confirm, "Phone or email cannot be
  // auto verified, when user is not being auto confirmed." (https://github.com/aws/aws-sdk-java/issues/1049 and app
  // notes). Chosen: InvalidParameterException, as the type was not captured.
  if ((decision.autoVerifyEmail || decision.autoVerifyPhone) && !decision.autoConfirmUser)
    throw invalidParameter(cx, 'Phone or email cannot be auto verified, when user is not being auto confirmed.')
  // Chosen wording: AWS's documentation says only that sign-up fails when the attribute to verify is missing.
  if (decision.autoVerifyEmail && !has('email'))
    throw invalidParameter(cx, 'autoVerifyEmail requires the user to have an email attribute.')
  if (decision.autoVerifyPhone && !has('phone_number'))
    throw invalidParameter(cx, 'autoVerifyPhone requires the user to have a phone_number attribute.')
  if (decision.autoVerifyEmail) attributes = merged(attributes, [['email_verified', 'true']])
  if (decision.autoVerifyPhone) attributes = merged(attributes, [['phone_number_verified', 'true']])
  const status = decision.autoConfirmUser ? 'CONFIRMED' : 'UNCONFIRMED'
  // An auto-confirmed user gets no confirmation code (chosen: nothing is left to confirm).
  const target = decision.autoConfirmUser ? undefined : verificationTarget(pool, attributes)
  const code = target ? newCode(cx, CODE_LIFETIME.signUp, target.attribute) : undefined
  const now = cx.now()
  const draft: UserRow = {
    poolId: pool.pool.Id,
    username: identity.username,
    key: identity.key,
    sub,
    attributes,
    status,
    enabled: true,
    ...(input.Password !== undefined && {
      passwordKey: passwordKey({ poolId: pool.pool.Id, username: identity.username, sub }, input.Password),
    }),
    history: [],
    aliases: aliasesOf(pool, attributes, status),
    codes: code ? { signUp: code } : {},
    pending: [],
    attempts: {},
    created: now,
    modified: now,
  }
  // An alias an auto-confirmed user verifies moves from whoever held it (AWS's documentation of pre sign-up).
  // Forced, so it never answers AliasExistsException (which SignUp does not model).
  const claimed = decision.autoConfirmUser ? claimAliases(cx as never, pool, draft, true) : draft
  const user = cx.tables.users.insert(claimed)
  recordEventOf(cx, attempt, user, 'SignUp', input.Password)
  // Seen from Cognito (tests run against AWS): CodeDeliveryDetails only when an auto-verified address was given.
  const delivery = {
    ...target!,
    code: code?.code,
    clientId: client.client.ClientId,
    ...(input.ClientMetadata && { clientMetadata: input.ClientMetadata }),
  }
  const details = target && code ? await deliver(cx, pool, user, 'SignUp', delivery) : undefined
  if (decision.autoConfirmUser)
    await postConfirmation(
      cx,
      pool,
      user,
      'PostConfirmation_ConfirmSignUp',
      client.client.ClientId,
      input.ClientMetadata,
    )
  return { UserConfirmed: decision.autoConfirmUser, UserSub: sub, ...(details && { CodeDeliveryDetails: details }) }
})
