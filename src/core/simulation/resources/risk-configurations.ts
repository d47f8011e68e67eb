import type {
  AccountTakeoverRiskConfigurationType,
  CompromisedCredentialsRiskConfigurationType,
  RiskConfigurationType,
  RiskExceptionConfigurationType,
} from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { table } from '../engine/table.js'

/** A pool's threat protection settings (`clientId` empty), or one app client's, which replace the pool's. */
export interface RiskConfigRow {
  readonly poolId: string
  /** The app client these settings are for; empty for the pool's own. */
  readonly clientId: string
  readonly compromised?: CompromisedCredentialsRiskConfigurationType | undefined
  readonly takeover?: AccountTakeoverRiskConfigurationType | undefined
  readonly exceptions?: RiskExceptionConfigurationType | undefined
  readonly modified: number
}

/** Risk configurations, by pool and client; they go with their pool, and a client's with the client. */
export const riskConfigurationsTable = table<RiskConfigRow>({
  key: (row) => `${row.poolId}/${row.clientId}`,
  parent: [
    { table: 'pools', key: (row) => row.poolId },
    { table: 'clients', key: (row) => row.clientId },
  ],
})

/** The settings that apply to sign-ins through a client: the client's own, else the pool's, else none. */
export function effectiveRisk(cx: Can<never>, poolId: string, clientId: string | undefined): RiskConfigRow | undefined {
  const rows = cx.tables.riskConfigurations
  return (clientId !== undefined ? rows.get(`${poolId}/${clientId}`) : undefined) ?? rows.get(`${poolId}/`)
}

/** The configuration as SetRiskConfiguration and DescribeRiskConfiguration return it. */
export function describeRisk(row: RiskConfigRow): RiskConfigurationType {
  return {
    UserPoolId: row.poolId,
    ...(row.clientId !== '' && { ClientId: row.clientId }),
    ...(row.compromised && { CompromisedCredentialsRiskConfiguration: structuredClone(row.compromised) }),
    ...(row.takeover && { AccountTakeoverRiskConfiguration: structuredClone(row.takeover) }),
    ...(row.exceptions && { RiskExceptionConfiguration: structuredClone(row.exceptions) }),
    LastModifiedDate: row.modified,
  }
}
