import type { ResourceServerScopeType, ResourceServerType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import { invalidParameter } from '../errors.js'

/** A resource server of a pool and the scopes it defines (`<identifier>/<scope>` in tokens). */
export interface ResourceServerRow {
  readonly poolId: string
  readonly identifier: string
  readonly name: string
  readonly scopes: readonly ResourceServerScopeType[]
}

/** Resource servers, by `<poolId>/<identifier>`, in creation order. */
export const resourceServersTable = table<ResourceServerRow>({
  key: (row) => `${row.poolId}/${row.identifier}`,
  parent: { table: 'pools', key: (row) => row.poolId },
})

/** The resource server, or ResourceNotFoundException (message chosen). */
export function findResourceServer(
  cx: Can<'ResourceNotFoundException'>,
  poolId: string,
  identifier: string,
): ResourceServerRow {
  const row = cx.tables.resourceServers.get(`${poolId}/${identifier}`)
  if (!row)
    throw fail(cx, 'ResourceNotFoundException', `Resource server ${identifier} does not exist in user pool ${poolId}.`)
  return row
}

/** Scope names are unique within a server (message chosen). */
export function checkScopes(cx: Can<'InvalidParameterException'>, scopes: readonly ResourceServerScopeType[]): void {
  const seen = new Set<string>()
  for (const s of scopes) {
    if (seen.has(s.ScopeName)) throw invalidParameter(cx, `Duplicate scope name ${s.ScopeName}.`)
    seen.add(s.ScopeName)
  }
}

/** The server as DescribeResourceServer returns it. */
export function describeResourceServer(row: ResourceServerRow): ResourceServerType {
  return {
    UserPoolId: row.poolId,
    Identifier: row.identifier,
    Name: row.name,
    Scopes: row.scopes.map((s) => ({ ...s })),
  }
}

/** Every custom scope of a pool: `<identifier>/<scope>`. */
export function customScopes(cx: Can<never>, poolId: string): string[] {
  return [...cx.tables.resourceServers.children(poolId)].flatMap((r) =>
    r.scopes.map((s) => `${r.identifier}/${s.ScopeName}`),
  )
}
