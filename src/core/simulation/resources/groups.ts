import type { GroupType } from '../../../../generated/types.js'
import type { Can } from '../context.js'
import { fail } from '../context.js'
import { table } from '../engine/table.js'
import type { UserRow } from './users.js'

/** A group of a pool. */
export interface GroupRow {
  readonly poolId: string
  readonly name: string
  readonly description?: string | undefined
  readonly roleArn?: string | undefined
  readonly precedence?: number | undefined
  readonly created: number
  readonly modified: number
}

/** A user's membership of a group; it belongs to both and goes with either. */
export interface MembershipRow {
  readonly poolId: string
  readonly group: string
  /** The user's key within the pool (UserRow.key). */
  readonly user: string
}

/** Groups, by `<poolId>/<name>`. */
export const groupsTable = table<GroupRow>({
  key: (row) => `${row.poolId}/${row.name}`,
  parent: { table: 'pools', key: (row) => row.poolId },
})

/** Memberships, by group and user (a newline cannot be in either name), in the order users were added. */
export const membershipsTable = table<MembershipRow>({
  key: (row) => `${row.poolId}/${row.group}\n${row.user}`,
  parent: [
    { table: 'groups', key: (row) => `${row.poolId}/${row.group}` },
    { table: 'users', key: (row) => `${row.poolId}/${row.user}` },
  ],
})

/** The group of a pool, or ResourceNotFoundException "Group not found." (seen from Cognito). */
export function findGroup(cx: Can<'ResourceNotFoundException'>, poolId: string, name: string): GroupRow {
  const row = cx.tables.groups.get(`${poolId}/${name}`)
  if (!row) throw fail(cx, 'ResourceNotFoundException', 'Group not found.')
  return row
}

/** The group as GetGroup returns it. */
export function describeGroup(row: GroupRow): GroupType {
  return {
    GroupName: row.name,
    UserPoolId: row.poolId,
    ...(row.description !== undefined && { Description: row.description }),
    ...(row.roleArn !== undefined && { RoleArn: row.roleArn }),
    ...(row.precedence !== undefined && { Precedence: row.precedence }),
    LastModifiedDate: row.modified,
    CreationDate: row.created,
  }
}

/**
 * The groups a user belongs to, by precedence (lowest first; groups without one last), then by name: the order
 * `cognito:groups` lists them in tokens (chosen: Cognito documents that the lowest precedence wins for roles,
 * not the order of the claim).
 */
export function groupsOf(cx: Can<never>, user: UserRow): GroupRow[] {
  const rows = cx.tables.memberships
    .children(`${user.poolId}/${user.key}`, 'users')
    .map((m) => cx.tables.groups.get(`${m.poolId}/${m.group}`)!)
  return rows.sort(
    (a, b) =>
      (a.precedence ?? Number.MAX_SAFE_INTEGER) - (b.precedence ?? Number.MAX_SAFE_INTEGER) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  )
}
