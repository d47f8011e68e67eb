import { operation } from '../define.js'
import { signedIn } from '../flows/sign-in/signed-in.js'
import { checkCode, countAttempt } from '../resources/codes.js'
import { merged } from '../resources/user-attributes.js'
import { changed, claimAliases } from '../resources/users.js'

/** VerifyUserAttribute: the code verifies the address (a value awaiting verification takes effect now). */
export const VerifyUserAttribute = operation('VerifyUserAttribute', async (cx, input) => {
  const { pool, user: found } = await signedIn(cx, input.AccessToken)
  const user = countAttempt(cx, found, 'VerifyUserAttribute')
  const purpose = `verify:${input.AttributeName}` as const
  checkCode(cx, user.codes[purpose], input.Code)
  const { [purpose]: _used, ...codes } = user.codes
  const pendingValue = user.pending.find(([n]) => n === input.AttributeName)
  const updates: Array<[string, string]> = [
    ...(pendingValue ? [[pendingValue[0], pendingValue[1]] as [string, string]] : []),
    [`${input.AttributeName}_verified`, 'true'],
  ]
  const next = changed(cx, pool, user, {
    attributes: merged(user.attributes, updates),
    pending: user.pending.filter(([n]) => n !== input.AttributeName),
    codes,
  })
  cx.tables.users.put(claimAliases(cx, pool, next, false))
  return {}
})
