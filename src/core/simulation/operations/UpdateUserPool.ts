import { operation } from '../define.js'
import { checkFeatures, poolFeatures } from '../resources/feature-plans.js'
import { refuseWhileImporting } from '../resources/import-jobs.js'
import { completePolicies, resettableDefaults } from '../resources/user-pool-defaults.js'
import { checkPoolRules, findPool, type PoolRow } from '../resources/user-pools.js'
import { verificationMessages } from '../resources/verification-messages.js'

/** Members of UpdateUserPool that replace the pool's value, or reset it when left out. */
const RESETTABLE = [
  'Policies',
  'DeletionProtection',
  'LambdaConfig',
  'AutoVerifiedAttributes',
  'SmsVerificationMessage',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
  'VerificationMessageTemplate',
  'SmsAuthenticationMessage',
  'UserAttributeUpdateSettings',
  'MfaConfiguration',
  'DeviceConfiguration',
  'EmailConfiguration',
  'SmsConfiguration',
  'AdminCreateUserConfig',
  'UserPoolAddOns',
  'AccountRecoverySetting',
  'UserPoolTier',
  'KeyConfiguration',
  'IssuerConfiguration',
] as const

/** UpdateUserPool: members given replace the pool's, members left out go back to their defaults (as Cognito does). */
export const UpdateUserPool = operation('UpdateUserPool', (cx, input) => {
  const row = findPool(cx, input.UserPoolId)
  refuseWhileImporting(cx, row.pool.Id)
  const defaults = resettableDefaults() as Record<string, unknown>
  const next: Record<string, unknown> = { ...row.pool }
  for (const member of RESETTABLE) {
    const given = (input as unknown as Record<string, unknown>)[member]
    if (given !== undefined) next[member] = structuredClone(given)
    else if (defaults[member] !== undefined) next[member] = defaults[member]
    else delete next[member]
  }
  next['Policies'] = completePolicies(input.Policies)
  // Both forms of the verification messages in step, as CreateUserPool keeps them (see verificationMessages).
  Object.assign(next, verificationMessages(input))
  if (input.PoolName !== undefined) next['Name'] = input.PoolName
  checkPoolRules(cx, next)
  checkFeatures(cx, next, poolFeatures(next))
  cx.tables.pools.put({
    ...row,
    pool: next as PoolRow['pool'],
    tags: input.UserPoolTags !== undefined ? { ...input.UserPoolTags } : row.tags,
    modified: cx.now(),
  })
  return {}
})
