import { CognitoError } from '../protocol/errors.js'
import type { Context } from './context.js'
import { type RiskSetting, setOverride } from './resources/risk-controls.js'
import type { PoolRow } from './resources/user-pools.js'
import { lookupUser } from './resources/users.js'

/** The pool a control names, or the ResourceNotFoundException Cognito gives for it. */
export function poolOrFail(cx: Context, poolId: string): PoolRow {
  const pool = cx.tables.pools.get(poolId)
  if (!pool) throw new CognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`)
  return pool
}

/** Applies a test's risk setting to a user (by any name it signs in with) or an address. */
export function applyRisk(cx: Context, setting: RiskSetting): void {
  const pool = poolOrFail(cx, setting.userPoolId)
  if ((setting.username === undefined) === (setting.ipAddress === undefined))
    throw new CognitoError(
      'InvalidParameterException',
      'cognito-idp-contract: give exactly one of username and ipAddress',
    )
  if (setting.username !== undefined) {
    const user = lookupUser(cx, pool, setting.username)
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.')
    setOverride(cx, pool.pool.Id, `user:${user.key}`, setting)
  } else setOverride(cx, pool.pool.Id, `ip:${setting.ipAddress}`, setting)
}
