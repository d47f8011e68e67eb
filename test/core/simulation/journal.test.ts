import { describe, expect, it } from 'vitest'
import { type CognitoSnapshot, createCognito, type StoreCommit } from '../../../src/core/simulation/index.js'

const POOL = 'us-east-1_Journal01'
const CLIENT = 'journalclient0000000000000'

/** A simulation whose journal keeps every commit and replacement in order. */
function journaled() {
  const entries: Array<{ commit: StoreCommit } | { replace: CognitoSnapshot }> = []
  const cognito = createCognito({
    clock: () => Date.UTC(2026, 10, 28),
    journal: { commit: (commit) => entries.push({ commit }), replace: (replace) => entries.push({ replace }) },
  })
  return { cognito, entries }
}

/** A fresh simulation rebuilt from journal entries alone. */
function replayed(entries: ReturnType<typeof journaled>['entries']) {
  const copy = createCognito()
  for (const entry of entries) {
    if ('commit' in entry) copy.apply(JSON.parse(JSON.stringify(entry.commit)) as StoreCommit)
    else copy.restore(entry.replace)
  }
  return copy
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: Error) => e.name,
  )

describe('the journal', () => {
  it('replays to the same state: inserts, updates, cascading deletes and what failed calls leave', async () => {
    const { cognito, entries } = journaled()
    await cognito.seed({
      userPools: [
        {
          PoolName: 'j',
          Id: POOL,
          Clients: [{ ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }],
          Users: [{ username: 'jane', password: 'Correct-Horse-1', groups: ['g'] }],
        },
      ],
    })
    await cognito.send('AdminUpdateUserAttributes', {
      UserPoolId: POOL,
      Username: 'jane',
      UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
    })
    await cognito.send('InitiateAuth', {
      ClientId: CLIENT,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' },
    })
    expect(
      await failure(
        cognito.send('InitiateAuth', {
          ClientId: CLIENT,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'jane', PASSWORD: 'Wrong-Horse-1' },
        }),
      ),
    ).toBe('NotAuthorizedException')
    await cognito.send('CreateUserPool', { PoolName: 'second' })
    await cognito.send('DeleteGroup', { UserPoolId: POOL, GroupName: 'g' })
    expect(replayed(entries).snapshot()).toEqual(cognito.snapshot())
    await cognito.send('DeleteUserPool', { UserPoolId: POOL })
    expect(replayed(entries).snapshot()).toEqual(cognito.snapshot())
  })

  it('records nothing for a call that changed nothing', async () => {
    const { cognito, entries } = journaled()
    await cognito.send('CreateUserPool', { PoolName: 'p' })
    const before = entries.length
    expect(await failure(cognito.send('DescribeUserPool', { UserPoolId: 'us-east-1_Missing01' }))).toBe(
      'ResourceNotFoundException',
    )
    await cognito.send('ListUserPools', { MaxResults: 10 })
    expect(entries.length).toBe(before)
  })

  it('is told of reset() and restore() as replacements', async () => {
    const { cognito, entries } = journaled()
    await cognito.send('CreateUserPool', { PoolName: 'p' })
    const saved = cognito.snapshot()
    cognito.reset()
    cognito.restore(saved)
    expect(entries.slice(-2).map((e) => Object.keys(e)[0])).toEqual(['replace', 'replace'])
    expect(replayed(entries).snapshot()).toEqual(saved)
  })

  it('a journal that throws fails the call and leaves the state as it was', async () => {
    let broken = false
    const cognito = createCognito({
      journal: {
        commit: () => {
          if (broken) throw new Error('disk full')
        },
        replace: () => undefined,
      },
    })
    await cognito.send('CreateUserPool', { PoolName: 'p' })
    const before = cognito.snapshot()
    broken = true
    await expect(cognito.send('CreateUserPool', { PoolName: 'q' })).rejects.toThrow('disk full')
    expect(cognito.snapshot()).toEqual(before)
  })
})
