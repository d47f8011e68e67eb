import { operation } from '../define.js'
import { findClient } from '../resources/clients.js'
import { checkIpRanges } from '../resources/ip-ranges.js'
import { describeRisk } from '../resources/risk-configurations.js'
import { findPool } from '../resources/user-pools.js'

/**
 * SetRiskConfiguration: the pool's threat protection settings, or one client's. Seen in the model: a request with only
 * UserPoolId sets the pool back to defaults, one with UserPoolId and ClientId alone makes the client inherit the
 * pool's again. Seen (Medium, terraform-provider-aws risk_configuration_test.go run against AWS): it works on a pool
 * without add-ons, a partial request keeps only what it names, and lists are echoed as sent.
 */
export const SetRiskConfiguration = operation('SetRiskConfiguration', (cx, input) => {
  const pool = findPool(cx, input.UserPoolId)
  const clientId = input.ClientId ?? ''
  if (input.ClientId !== undefined) findClient(cx, pool.pool.Id, input.ClientId)
  const key = `${pool.pool.Id}/${clientId}`
  const given =
    input.CompromisedCredentialsRiskConfiguration ??
    input.AccountTakeoverRiskConfiguration ??
    input.RiskExceptionConfiguration
  if (given === undefined) {
    if (cx.tables.riskConfigurations.has(key)) cx.tables.riskConfigurations.delete(key)
    return {
      RiskConfiguration: { UserPoolId: pool.pool.Id, ...(input.ClientId !== undefined && { ClientId: clientId }) },
    }
  }
  checkIpRanges(cx, input.RiskExceptionConfiguration?.BlockedIPRangeList)
  checkIpRanges(cx, input.RiskExceptionConfiguration?.SkippedIPRangeList)
  const rows = cx.tables.riskConfigurations
  const row = (rows.has(key) ? rows.put.bind(rows) : rows.insert.bind(rows))({
    poolId: pool.pool.Id,
    clientId,
    ...(input.CompromisedCredentialsRiskConfiguration && {
      compromised: structuredClone(input.CompromisedCredentialsRiskConfiguration),
    }),
    ...(input.AccountTakeoverRiskConfiguration && {
      takeover: structuredClone(input.AccountTakeoverRiskConfiguration),
    }),
    ...(input.RiskExceptionConfiguration && { exceptions: structuredClone(input.RiskExceptionConfiguration) }),
    modified: cx.now(),
  })
  return { RiskConfiguration: describeRisk(row) }
})
