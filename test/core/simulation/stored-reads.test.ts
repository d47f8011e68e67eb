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
})
