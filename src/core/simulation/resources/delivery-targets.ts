import type { DeliveryMediumType } from '../../../../generated/types.js'
import type { PoolRow } from './user-pools.js'
import { attribute, type UserRow } from './users.js'

/** Where a code goes: the medium, the attribute and its value. */
export interface Target {
  readonly medium: DeliveryMediumType
  readonly attribute: 'email' | 'phone_number'
  readonly destination: string
}

const byAttribute = (name: 'email' | 'phone_number', value: string): Target => ({
  medium: name === 'email' ? 'EMAIL' : 'SMS',
  attribute: name,
  destination: value,
})

/**
 * Where a sign-up confirmation code goes: to an auto-verified attribute the user has. When both email and phone
 * are auto-verified, only the phone number is (AWS's documentation: "Cognito only verifies the phone number").
 */
export function verificationTarget(
  pool: PoolRow,
  attributes: ReadonlyArray<readonly [string, string]>,
): Target | undefined {
  const auto = pool.pool.AutoVerifiedAttributes ?? []
  const get = (name: string) => attributes.find(([n]) => n === name)?.[1]
  const phone = get('phone_number')
  if (auto.includes('phone_number') && phone) return byAttribute('phone_number', phone)
  const email = get('email')
  if (auto.includes('email') && email) return byAttribute('email', email)
  return undefined
}

/**
 * Where a password-reset code goes: the first verified mechanism of the pool's AccountRecoverySetting by priority,
 * or, without one, a verified phone number before a verified email (the documented legacy behaviour). `admin_only`
 * and a user with nothing verified get none.
 */
export function recoveryTarget(pool: PoolRow, user: UserRow): Target | undefined {
  const mechanisms = [...(pool.pool.AccountRecoverySetting?.RecoveryMechanisms ?? [])].sort(
    (a, b) => a.Priority - b.Priority,
  )
  const order = mechanisms.length > 0 ? mechanisms.map((m) => m.Name) : ['verified_phone_number', 'verified_email']
  for (const name of order) {
    if (name === 'admin_only') return undefined
    const attr = name === 'verified_email' ? 'email' : 'phone_number'
    const value = attribute(user, attr)
    if (value && attribute(user, `${attr}_verified`) === 'true') return byAttribute(attr, value)
  }
  return undefined
}

/** A plausible target for a user who does not exist, from the name's format (what PreventUserExistenceErrors answers with). */
export function simulatedTarget(pool: PoolRow, name: string): Target {
  if (name.includes('@')) return byAttribute('email', name)
  if (/^\+\d+$/.test(name)) return byAttribute('phone_number', name)
  const auto = pool.pool.AutoVerifiedAttributes ?? []
  // Seen (the rule): the simulated medium "is determined by the input user name format and verification settings of
  // the user pool" (Developer Guide, managing user existence errors). Chosen: the made-up address itself.
  return auto.includes('phone_number')
    ? byAttribute('phone_number', '+10000000000')
    : byAttribute('email', `${name}@example.com`)
}
