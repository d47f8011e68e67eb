import type { UserPoolTierType, UserPoolType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'

/** The feature plans, cheapest first (the model's UserPoolTierType). */
const ORDER: readonly UserPoolTierType[] = ['LITE', 'ESSENTIALS', 'PLUS']

/** The plan a pool is on: ESSENTIALS when it names none (the model: the API's default plan). */
export function tierOf(pool: Partial<UserPoolType>): UserPoolTierType {
  return pool.UserPoolTier ?? 'ESSENTIALS'
}

/** Whether a pool's plan includes what needs at least `needed`. */
export function onTier(pool: Partial<UserPoolType>, needed: UserPoolTierType): boolean {
  return ORDER.indexOf(tierOf(pool)) >= ORDER.indexOf(needed)
}

/**
 * Refuses features the pool's plan does not include. Seen from Cognito (UpdateUserPool with threat protection on an
 * ESSENTIALS pool, hashicorp/terraform-provider-aws#40734 and aws/aws-cdk#33565): FeatureUnavailableInTierException
 * "The following features need to be disabled for the ESSENTIALS pricing tier configured: Threat Protection".
 * Other features' names follow the same pattern (chosen where no capture names them).
 */
export function checkFeatures(
  cx: Can<'FeatureUnavailableInTierException'>,
  pool: Partial<UserPoolType>,
  features: ReadonlyArray<{ readonly name: string; readonly needs: UserPoolTierType; readonly used: boolean }>,
): void {
  const missing = features.filter((f) => f.used && !onTier(pool, f.needs)).map((f) => f.name)
  if (missing.length === 0) return
  throw fail(
    cx,
    'FeatureUnavailableInTierException',
    `The following features need to be disabled for the ${tierOf(pool)} pricing tier configured: ${missing.join(', ')}`,
  )
}

/** The plan-gated features of a pool's own settings (threat protection needs PLUS, per the model). */
export function poolFeatures(pool: Partial<UserPoolType>) {
  const addOns = pool.UserPoolAddOns
  return [
    {
      name: 'Threat Protection',
      needs: 'PLUS' as const,
      used:
        (addOns?.AdvancedSecurityMode ?? 'OFF') !== 'OFF' ||
        addOns?.AdvancedSecurityAdditionalFlows?.CustomAuthMode !== undefined,
    },
  ]
}
