import type { AttributeType, CodeDeliveryDetailsType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import type { LambdaErrors } from '../lambdas.js'
import { CODE_LIFETIME, newCode } from '../resources/codes.js'
import type { MessageKind } from '../resources/messages.js'
import { checkAttributes, merged, type Writer } from '../resources/user-attributes.js'
import type { PoolRow } from '../resources/user-pools.js'
import { attribute, type CodePurpose, type CodeRow, changed, claimAliases, type UserRow } from '../resources/users.js'
import { deliver } from './messages.js'

const CONTACTS = ['email', 'phone_number'] as const

/**
 * Updates a user's attributes as UpdateUserAttributes and AdminUpdateUserAttributes do. A new email or phone number
 * is unverified unless the request (an administrator's) verifies it, and an auto-verified one gets a code; where the
 * pool requires verification before an update, the old value stays until the code comes back (AWS's documentation
 * of AttributesRequireVerificationBeforeUpdate). Aliases follow; one another user holds is AliasExistsException.
 */
export async function updateAttributes(
  cx: Can<'InvalidParameterException' | 'AliasExistsException' | LambdaErrors>,
  pool: PoolRow,
  user: UserRow,
  given: readonly AttributeType[],
  writer: Writer,
  clientId?: string | undefined,
  clientMetadata?: Readonly<Record<string, string>> | undefined,
): Promise<{ user: UserRow; deliveries: CodeDeliveryDetailsType[] }> {
  const values = checkAttributes(cx, pool, given, writer, user.attributes)
  const requested = new Map(values)
  const auto = pool.pool.AutoVerifiedAttributes ?? []
  const beforeUpdate = pool.pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? []
  let updates = values
  let pending = user.pending.filter(([n]) => !requested.has(n))
  const codes: Partial<Record<CodePurpose, CodeRow>> = { ...user.codes }
  const sends: Array<{ attr: 'email' | 'phone_number'; value: string; code: CodeRow }> = []
  for (const attr of CONTACTS) {
    const value = requested.get(attr)
    if (value === undefined || value === attribute(user, attr)) continue
    if (requested.get(`${attr}_verified`) === 'true') continue
    if (auto.includes(attr) && beforeUpdate.includes(attr)) {
      updates = updates.filter(([n]) => n !== attr && n !== `${attr}_verified`)
      pending = [...pending.filter(([n]) => n !== attr), [attr, value]]
    } else {
      updates = [...updates.filter(([n]) => n !== `${attr}_verified`), [`${attr}_verified`, 'false']]
    }
    if (auto.includes(attr)) {
      const code = newCode(cx, CODE_LIFETIME.verify, attr)
      codes[`verify:${attr}`] = code
      sends.push({ attr, value, code })
    }
  }
  const next = claimAliases(
    cx,
    pool,
    changed(cx, pool, user, { attributes: merged(user.attributes, updates), pending, codes }),
    false,
  )
  cx.tables.users.put(next)
  const kind: MessageKind = 'UpdateUserAttribute'
  const deliveries: CodeDeliveryDetailsType[] = []
  for (const { attr, value, code } of sends) {
    deliveries.push(
      await deliver(cx, pool, next, kind, {
        medium: attr === 'email' ? 'EMAIL' : 'SMS',
        destination: value,
        attribute: attr,
        code: code.code,
        ...(clientId !== undefined && { clientId }),
        ...(clientMetadata && { clientMetadata }),
      }),
    )
  }
  return { user: next, deliveries }
}
