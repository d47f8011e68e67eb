import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_Groups001'
const ROLE = 'arn:aws:iam::123456789012:role/admins'
const w = world({
  userPools: [
    {
      PoolName: 'groups',
      Id: POOL,
      Users: [
        { username: 'jane', password: 'Correct-Horse-1' },
        { username: 'joe', password: 'Correct-Horse-1' },
      ],
    },
  ],
})
afterEach(() => w.reset())

describe('groups', () => {
  it('creates, gets, updates in part, lists and deletes groups', async () => {
    const { Group } = (await w.call('CreateGroup', {
      UserPoolId: POOL,
      GroupName: 'admins',
      Description: 'Admins',
      RoleArn: ROLE,
      Precedence: 1,
    })) as { Group: Record<string, unknown> }
    expect(Group).toMatchObject({
      GroupName: 'admins',
      UserPoolId: POOL,
      Description: 'Admins',
      RoleArn: ROLE,
      Precedence: 1,
    })
    expect(await w.failure('CreateGroup', { UserPoolId: POOL, GroupName: 'admins' })).toEqual({
      name: 'GroupExistsException',
      message: 'A group with the name admins already exists.',
    })
    await w.call('UpdateGroup', { UserPoolId: POOL, GroupName: 'admins', Precedence: 5 })
    expect((await w.call('GetGroup', { UserPoolId: POOL, GroupName: 'admins' }))['Group']).toMatchObject({
      Description: 'Admins',
      RoleArn: ROLE,
      Precedence: 5,
    })
    await w.call('CreateGroup', { UserPoolId: POOL, GroupName: 'readers' })
    const page = await w.call('ListGroups', { UserPoolId: POOL, Limit: 1 })
    expect((page['Groups'] as Array<{ GroupName: string }>).map((g) => g.GroupName)).toEqual(['admins'])
    const next = await w.call('ListGroups', { UserPoolId: POOL, Limit: 1, NextToken: page['NextToken'] })
    expect([(next['Groups'] as Array<{ GroupName: string }>).map((g) => g.GroupName), next['NextToken']]).toEqual([
      ['readers'],
      undefined,
    ])
    await w.call('DeleteGroup', { UserPoolId: POOL, GroupName: 'admins' })
    expect(await w.failure('GetGroup', { UserPoolId: POOL, GroupName: 'admins' })).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Group not found.',
    })
  })

  it('adds and removes users, lists either side, and forgets memberships with the user or the group', async () => {
    await w.call('CreateGroup', { UserPoolId: POOL, GroupName: 'admins', Precedence: 2 })
    await w.call('CreateGroup', { UserPoolId: POOL, GroupName: 'staff', Precedence: 1 })
    for (const [user, group] of [
      ['jane', 'admins'],
      ['jane', 'staff'],
      ['joe', 'staff'],
      ['jane', 'admins'],
    ]) {
      await w.call('AdminAddUserToGroup', { UserPoolId: POOL, Username: user, GroupName: group })
    }
    const groupsOf = async (Username: string) =>
      (
        (await w.call('AdminListGroupsForUser', { UserPoolId: POOL, Username }))['Groups'] as Array<{
          GroupName: string
        }>
      ).map((g) => g.GroupName)
    const usersOf = async (GroupName: string) =>
      ((await w.call('ListUsersInGroup', { UserPoolId: POOL, GroupName }))['Users'] as Array<{ Username: string }>).map(
        (u) => u.Username,
      )
    expect(await groupsOf('jane')).toEqual(['admins', 'staff'])
    expect(await usersOf('staff')).toEqual(['jane', 'joe'])
    await w.call('AdminRemoveUserFromGroup', { UserPoolId: POOL, Username: 'jane', GroupName: 'staff' })
    expect(await usersOf('staff')).toEqual(['joe'])
    await w.call('AdminDeleteUser', { UserPoolId: POOL, Username: 'joe' })
    expect(await usersOf('staff')).toEqual([])
    await w.call('DeleteGroup', { UserPoolId: POOL, GroupName: 'admins' })
    expect(await groupsOf('jane')).toEqual([])
  })

  it.each([
    ['AdminAddUserToGroup', { Username: 'jane', GroupName: 'nope' }, 'ResourceNotFoundException', 'Group not found.'],
    [
      'AdminAddUserToGroup',
      { Username: 'nobody', GroupName: 'staff' },
      'UserNotFoundException',
      'User does not exist.',
    ],
    ['ListUsersInGroup', { GroupName: 'nope' }, 'ResourceNotFoundException', 'Group not found.'],
    ['AdminListGroupsForUser', { Username: 'nobody' }, 'UserNotFoundException', 'User does not exist.'],
  ] as const)('%s %j fails with %s', async (operation, input, name, message) => {
    await w.call('CreateGroup', { UserPoolId: POOL, GroupName: 'staff' })
    expect(await w.failure(operation, { UserPoolId: POOL, ...input })).toEqual({ name, message })
  })
})
