import { describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_ListUsers'
const people = [
  ['carol', 'carol@example.com', 'Carol', 'CONFIRMED'],
  ['alice', 'alice@example.org', 'Alice', 'CONFIRMED'],
  ['bob', 'BOB@example.com', 'Bob', 'UNCONFIRMED'],
  ['dave', 'dave@example.com', 'Dave "The Rave"', 'CONFIRMED'],
] as const
const w = world({
  userPools: [
    {
      PoolName: 'list',
      Id: POOL,
      Users: people.map(([username, email, name, status]) => ({
        username,
        password: 'Correct-Horse-1',
        status,
        attributes: { email, name },
      })),
    },
  ],
})
const names = async (input: Record<string, unknown>) =>
  ((await w.call('ListUsers', { UserPoolId: POOL, ...input }))['Users'] as Array<{ Username: string }>).map(
    (u) => u.Username,
  )

describe('ListUsers', () => {
  it('lists every user in creation order without a filter', async () => {
    expect(await names({})).toEqual(['carol', 'alice', 'bob', 'dave'])
  })

  it.each([
    ['email = "bob@example.com"', ['bob']],
    ['email ^= "ALICE"', ['alice']],
    ['email ^= "c"', ['carol']],
    ['"email"^="d"', ['dave']],
    ['username = "carol"', ['carol']],
    ['username = "Carol"', []],
    ['cognito:user_status = "unconfirmed"', ['bob']],
    ['status = "Enabled"', ['carol', 'alice', 'bob', 'dave']],
    ['name = "Dave \\"The Rave\\""', ['dave']],
    ['family_name = "x"', []],
    ['', ['carol', 'alice', 'bob', 'dave']],
  ])('filters %s, sorted by the filtered attribute', async (Filter, expected) => {
    expect(await names({ Filter })).toEqual(expected)
  })

  it.each([
    ['email == "x"', 'Error while parsing filter.'],
    ['email = x', 'Error while parsing filter.'],
    ['custom:plan = "pro"', 'Invalid search attribute: custom:plan'],
  ])('refuses the filter %s', async (Filter, message) => {
    expect(await w.failure('ListUsers', { UserPoolId: POOL, Filter })).toEqual({
      name: 'InvalidParameterException',
      message,
    })
  })

  it('shows only AttributesToGet', async () => {
    const { Users } = (await w.call('ListUsers', { UserPoolId: POOL, Limit: 1, AttributesToGet: ['email'] })) as {
      Users: Array<{ Attributes: unknown[] }>
    }
    expect(Users[0]!.Attributes).toEqual([{ Name: 'email', Value: 'carol@example.com' }])
  })

  it('pages with Limit and PaginationToken until the token stops, under a filter too', async () => {
    const seen: string[] = []
    let token: string | undefined
    do {
      const page = await w.call('ListUsers', {
        UserPoolId: POOL,
        Limit: 3,
        Filter: 'email ^= ""',
        ...(token && { PaginationToken: token }),
      })
      seen.push(...(page['Users'] as Array<{ Username: string }>).map((u) => u.Username))
      token = page['PaginationToken'] as string | undefined
    } while (token)
    expect(seen).toEqual(['alice', 'bob', 'carol', 'dave'])
    expect(await w.failure('ListUsers', { UserPoolId: POOL, PaginationToken: 'forged' })).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid pagination token.',
    })
  })

  it('refuses a pagination token older than an hour', async () => {
    const page = await w.call('ListUsers', { UserPoolId: POOL, Limit: 1 })
    w.advance(3_601)
    expect((await w.failure('ListUsers', { UserPoolId: POOL, PaginationToken: page['PaginationToken'] })).name).toBe(
      'InvalidParameterException',
    )
  })
})
