import { describe, expect, it } from 'vitest'
import { createCognito } from '../../../src/core/simulation/index.js'

type Described = { UserPool: { Name: string; UserPoolTags?: Record<string, string> } }

describe('answers of stored reads, kept while nothing changes', () => {
  it('follow every change: a write, a write still in line, a restored snapshot, a reset', async () => {
    const cognito = createCognito()
    const id = (await cognito.send('CreateUserPool', { PoolName: 'one' })).UserPool!.Id!
    const describe = async () => (await cognito.handle('DescribeUserPool', { UserPoolId: id })) as Described
    expect((await describe()).UserPool.Name).toBe('one')
    expect((await describe()).UserPool.Name).toBe('one')
    await cognito.send('UpdateUserPool', { UserPoolId: id, UserPoolTags: { team: 'a' } })
    expect((await describe()).UserPool.UserPoolTags).toEqual({ team: 'a' })
    const snapshot = cognito.snapshot()
    // A read queued behind a write sees it, although an answer for the old state is kept.
    const [, queued] = await Promise.all([
      cognito.send('UpdateUserPool', { UserPoolId: id, UserPoolTags: { team: 'b' } }),
      describe(),
    ])
    expect(queued.UserPool.UserPoolTags).toEqual({ team: 'b' })
    cognito.restore(snapshot)
    expect((await describe()).UserPool.UserPoolTags).toEqual({ team: 'a' })
    cognito.reset()
    await expect(describe()).rejects.toThrow(/does not exist/)
  })

  it('are frozen where they are shared, and send() hands out copies that may change', async () => {
    const cognito = createCognito()
    const id = (await cognito.send('CreateUserPool', { PoolName: 'one' })).UserPool!.Id!
    const shared = (await cognito.handle('DescribeUserPool', { UserPoolId: id })) as Described
    expect(Object.isFrozen(shared.UserPool)).toBe(true)
    const copy = await cognito.send('DescribeUserPool', { UserPoolId: id })
    copy.UserPool!.Name = 'changed'
    expect(((await cognito.handle('DescribeUserPool', { UserPoolId: id })) as Described).UserPool.Name).toBe('one')
  })

  it('include the lists, which follow a new user and a deleted one', async () => {
    const cognito = createCognito()
    const id = (await cognito.send('CreateUserPool', { PoolName: 'one' })).UserPool!.Id!
    const names = async () =>
      ((await cognito.handle('ListUsers', { UserPoolId: id })) as { Users: Array<{ Username: string }> }).Users.map(
        (u) => u.Username,
      )
    await cognito.send('AdminCreateUser', { UserPoolId: id, Username: 'ann', MessageAction: 'SUPPRESS' })
    expect(await names()).toEqual(['ann'])
    expect(Object.isFrozen(await cognito.handle('ListUsers', { UserPoolId: id }))).toBe(true)
    await cognito.send('AdminCreateUser', { UserPoolId: id, Username: 'bob', MessageAction: 'SUPPRESS' })
    expect(await names()).toEqual(['ann', 'bob'])
    await cognito.send('AdminDeleteUser', { UserPoolId: id, Username: 'ann' })
    expect(await names()).toEqual(['bob'])
    const groups = async () => (await cognito.send('ListGroups', { UserPoolId: id })).Groups!.map((g) => g.GroupName)
    expect(await groups()).toEqual([])
    await cognito.send('CreateGroup', { UserPoolId: id, GroupName: 'admins' })
    expect(await groups()).toEqual(['admins'])
  })

  it("give ListUsers' token of a second again within that second, a new one the next, and refuse it after an hour", async () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 0, 100)
    const cognito = createCognito({ clock: () => now })
    const id = (await cognito.send('CreateUserPool', { PoolName: 'one' })).UserPool!.Id!
    for (const Username of ['ann', 'bob', 'cy'])
      await cognito.send('AdminCreateUser', { UserPoolId: id, Username, MessageAction: 'SUPPRESS' })
    const token = async () => (await cognito.send('ListUsers', { UserPoolId: id, Limit: 2 })).PaginationToken!
    const first = await token()
    now += 800
    expect(await token()).toBe(first)
    now += 200
    const next = await token()
    expect(next).not.toBe(first)
    const rest = await cognito.send('ListUsers', { UserPoolId: id, Limit: 2, PaginationToken: first })
    expect(rest.Users!.map((u) => u.Username)).toEqual(['cy'])
    now += 3_600_000 - 1_000
    await expect(cognito.send('ListUsers', { UserPoolId: id, PaginationToken: first })).resolves.toBeDefined()
    now += 1_000
    await expect(cognito.send('ListUsers', { UserPoolId: id, PaginationToken: first })).rejects.toThrow(
      'The pagination token has expired.',
    )
  })
})
