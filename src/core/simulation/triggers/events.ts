import type { PoolRow } from '../resources/user-pools.js'
import { aliasAttributes, type UserRow } from '../resources/users.js'

/**
 * `callerContext.clientId` of admin operations: the literal Cognito sends (seen in logged events, e.g. of
 * CustomMessage_AdminCreateUser).
 */
export const ADMIN_CLIENT_ID = 'CLIENT_ID_NOT_APPLICABLE'

/**
 * `callerContext.awsSdkVersion`: the caller's SDK as Cognito names it; `aws-sdk-unknown-unknown` (seen in many logged
 * events published on GitHub, Medium-High) when unknown, which is always here (chosen:
 * the simulation does not read the caller's User-Agent).
 */
export const UNKNOWN_SDK = 'aws-sdk-unknown-unknown'

/**
 * A user's attributes as trigger events carry them: every value a string, `sub` included, with the pseudo-attribute
 * `cognito:user_status` and the alias markers `cognito:email_alias` / `cognito:phone_number_alias` for an alias
 * the user holds (seen in logged events and AWS's sample events).
 */
export function eventAttributes(pool: PoolRow | undefined, user: UserRow): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(user.attributes)
  out['cognito:user_status'] = user.status
  if (pool) {
    for (const name of aliasAttributes(pool)) {
      if (name !== 'email' && name !== 'phone_number') continue
      const value = out[name]
      if (value !== undefined && out[`${name}_verified`] === 'true') out[`cognito:${name}_alias`] = value
    }
  }
  return out
}
