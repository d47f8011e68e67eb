import { operation } from '../define.js'
import { invalidParameter } from '../errors.js'
import { deliver } from '../flows/messages.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { CODE_LIFETIME, countAttempt, newCode } from '../resources/codes.js'
import { attribute } from '../resources/users.js'

/** GetUserAttributeVerificationCode: a code to the user's email or phone number (the value awaiting verification first). */
export const GetUserAttributeVerificationCode = operation('GetUserAttributeVerificationCode', async (cx, input) => {
  const { pool, user: found, claims } = await signedIn(cx, input.AccessToken)
  const name = input.AttributeName
  const value = found.pending.find(([n]) => n === name)?.[1] ?? attribute(found, name)
  // Chosen wording: only email and phone numbers are verified by code.
  if ((name !== 'email' && name !== 'phone_number') || !value)
    throw invalidParameter(cx, `There is no ${name} to verify.`)
  const user = countAttempt(cx, found, 'GetUserAttributeVerificationCode')
  const code = newCode(cx, CODE_LIFETIME.verify, name)
  const next = cx.tables.users.put({ ...user, codes: { ...user.codes, [`verify:${name}`]: code } })
  const medium = name === 'email' ? 'EMAIL' : 'SMS'
  return {
    CodeDeliveryDetails: await deliver(cx, pool, next, 'VerifyUserAttribute', {
      medium,
      destination: value,
      attribute: name,
      code: code.code,
      clientId: claims.client_id,
      ...(input.ClientMetadata && { clientMetadata: input.ClientMetadata }),
    }),
  }
})
