import { CognitoError } from '../protocol/errors.js'
import type { Can, Context } from './context.js'
import { type RiskSetting, setOverride } from './resources/risk-controls.js'
import { findPool, type PoolRow } from './resources/user-pools.js'
import { findUser } from './resources/users.js'

/** The pool a control names, or the ResourceNotFoundException Cognito gives for it (findPool's). */
export function poolOrFail(cx: Context, poolId: string): PoolRow {
  return findPool(cx as Can<'ResourceNotFoundException'>, poolId)
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
    const user = findUser(cx as Can<'UserNotFoundException'>, pool, setting.username)
    setOverride(cx, pool.pool.Id, `user:${user.key}`, setting)
  } else setOverride(cx, pool.pool.Id, `ip:${setting.ipAddress}`, setting)
}
