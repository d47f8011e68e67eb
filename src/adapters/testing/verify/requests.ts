import fc from 'fast-check'
import { type OperationName, operations } from '../../../../schemas/operations.js'
import { requestArbitrary } from '../../../core/arbitraries/arbitrary.js'
import { type InvalidSample, invalidArbitrary } from '../../../core/arbitraries/invalid/index.js'
import { asNode, members } from '../../../core/shared/walk.js'

/** What the run created, to chain into the requests it draws. */
export interface Created {
  /** This run's name prefix. */
  readonly run: string
  poolId?: string | undefined
  poolArn?: string | undefined
  clientId?: string | undefined
  providerName?: string | undefined
  identifier?: string | undefined
  groupName?: string | undefined
  username?: string | undefined
}

/** The members a drawn request takes from what the run created, so calls reach real resources. */
function chained(operation: OperationName, created: Created, index: number): Record<string, unknown> {
  const values: Record<string, unknown> = {
    UserPoolId: created.poolId,
    ClientId: created.clientId,
    GroupName: created.groupName,
    Username: created.username,
    ResourceArn: created.poolArn,
    IdpIdentifier: created.identifier,
    // Every pool the run creates carries its prefix (the clean-up finds them by it) and can be deleted.
    PoolName: `${created.run}-${operation.charAt(0).toLowerCase()}${index}`,
    DeletionProtection: 'INACTIVE',
  }
  if (/IdentityProvider/.test(operation)) values['ProviderName'] = created.providerName
  const names = new Set(members(asNode(operations[operation].input)).map(([m]) => m))
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== undefined && names.has(k)))
}

/** The request with the run's resources put in (all but the member `keep`). */
export function chain(
  operation: OperationName,
  input: unknown,
  created: Created,
  index: number,
  keep?: string | number | undefined,
): Record<string, unknown> {
  const out = { ...(input as Record<string, unknown>) }
  for (const [k, v] of Object.entries(chained(operation, created, index))) if (k !== keep) out[k] = v
  if (operation !== 'CreateUserPool' && 'PoolName' in out && !String(out['PoolName']).startsWith(created.run))
    out['PoolName'] = `${created.run}-${index}`
  return out
}

/** `count` valid requests of an operation, drawn at a seed. */
export function validRequests(operation: OperationName, seed: number, count: number): unknown[] {
  return fc.sample(requestArbitrary(operation), { seed, numRuns: count })
}

/** `count` requests that break exactly one constraint each, with Cognito's answer; none when nothing can be broken. */
export function invalidRequests(operation: OperationName, seed: number, count: number): InvalidSample[] {
  try {
    return fc.sample(invalidArbitrary(operation), { seed, numRuns: count })
  } catch {
    return []
  }
}
