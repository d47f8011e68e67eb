import { operation } from '../define.js'
import { findClient } from '../resources/clients.js'
import { describeRisk, effectiveRisk } from '../resources/risk-configurations.js'
import { findPool } from '../resources/user-pools.js'

/**
 * DescribeRiskConfiguration: the settings that apply to the pool, or to a client (its own, else the pool's). Seen
 * (Medium, terraform-provider-aws run against AWS): it works on a pool without add-ons. Chosen without evidence: with
 * nothing set it answers the ids alone, and a client inheriting the pool's settings is shown them under its ClientId.
 */
export const DescribeRiskConfiguration = operation('DescribeRiskConfiguration', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  if (input.ClientId !== undefined) findClient(cx, pool.pool.Id, input.ClientId)
  const row = effectiveRisk(cx, pool.pool.Id, input.ClientId)
  const ids = { UserPoolId: pool.pool.Id, ...(input.ClientId !== undefined && { ClientId: input.ClientId }) }
  return { RiskConfiguration: row ? { ...describeRisk(row), ...ids } : ids }
})
