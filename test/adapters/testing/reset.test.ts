import { Amplify } from 'aws-amplify'
import { signIn, signOut } from 'aws-amplify/auth'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { type KeyedStorage, resetCognito } from '../../../src/adapters/testing/reset.js'
import { createCognitoMock } from '../../../src/core/mock/mock.js'
import { STRICT } from '../../support/msw.js'

// In Node: Amplify keeps its tokens in memory. reset-browser.test.ts runs the same helper in jsdom, with Web Storage.
const UserPoolId = 'eu-west-1_Isolated1'
const ClientId = 'isolatedclient000000000000'
const joe = { username: 'joe@example.com', password: 'Correct-Horse-1' }
const { server, cognito } = setupCognitoServer({
  seed: 3,
  fixtures: {
    userPools: [
      {
        PoolName: 'isolated',
        Id: UserPoolId,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Clients: [{ ClientName: 'web', ClientId }],
        Users: [joe],
      },
    ],
  },
})
beforeAll(() => {
  server.listen(STRICT)
  Amplify.configure({ Auth: { Cognito: { userPoolId: UserPoolId, userPoolClientId: ClientId } } })
})
afterEach(async () => {
  vi.unstubAllGlobals()
  await resetCognito(cognito, { signOut })
})
afterAll(() => server.close())

/** A storage area holding some keys: the user pool clients' and others'. */
function area(keys: readonly string[]): KeyedStorage & { readonly keys: string[] } {
  const held = [...keys]
  return {
    keys: held,
    get length() {
      return held.length
    },
    key: (index) => held[index] ?? null,
    removeItem: (key) => {
      if (held.includes(key)) held.splice(held.indexOf(key), 1)
    },
  }
}

describe('resetCognito in Node', () => {
  it('signs Amplify out with its signOut, as its tokens are in memory here, so the next signIn finds no user', async () => {
    expect(await signIn(joe)).toMatchObject({ isSignedIn: true })
    cognito.reset()
    await expect(signIn(joe)).rejects.toMatchObject({ name: 'UserAlreadyAuthenticatedException' })

    await resetCognito(cognito, { signOut })
    expect(await signIn(joe)).toMatchObject({ isSignedIn: true })
  })

  it("signs out before the reset, so signOut's RevokeToken reaches a pool that still knows the session", async () => {
    await signIn(joe)
    const seen: string[] = []
    const watched = {
      reset: () => {
        seen.push(...cognito.calls().map((c) => `${c.operation} ${c.error?.type ?? 'ok'}`))
        cognito.reset()
      },
    }
    await resetCognito(watched, { signOut })
    expect(seen.at(-1)).toBe('RevokeToken ok')
  })

  it('forgets what the tests did on the pool: calls, users, messages', async () => {
    await cognito.simulation.send('SignUp', { ClientId, Username: 'ann@example.com', Password: 'Correct-Horse-1' })
    expect(cognito.messages()).toHaveLength(1)
    await resetCognito(cognito)
    expect(cognito.calls()).toEqual([])
    expect(cognito.messages()).toEqual([])
    await expect(
      cognito.simulation.send('AdminGetUser', { UserPoolId, Username: 'ann@example.com' }),
    ).rejects.toMatchObject({ name: 'UserNotFoundException' })
    expect(await cognito.simulation.send('AdminGetUser', { UserPoolId, Username: joe.username })).toMatchObject({
      UserStatus: 'CONFIRMED',
    })
  })

  it('clears the storage areas it is given, of the user pool clients’ keys only', async () => {
    const storage = area([
      'theme',
      'CognitoIdentityServiceProvider.isolatedclient000000000000.LastAuthUser',
      'CognitoIdentityServiceProvider.isolatedclient000000000000.0a1b.refreshToken',
      'CognitoSignInState.username',
      'Cognito.eu-west-1:2f1c.identityId',
      'CognitoIdentityServiceProviderX',
    ])
    await resetCognito(cognito, { storage })
    expect(storage.keys).toEqual(['theme', 'Cognito.eu-west-1:2f1c.identityId', 'CognitoIdentityServiceProviderX'])
  })

  it('runs where there is no usable Web Storage (Node 20; Node 25 without --localstorage-file)', async () => {
    vi.stubGlobal('localStorage', undefined)
    vi.stubGlobal('sessionStorage', {})
    await expect(resetCognito(cognito)).resolves.toBeUndefined()
    const refused = () => {
      throw new DOMException('Cannot initialize local storage without a `--localstorage-file` path', 'SecurityError')
    }
    Object.defineProperty(globalThis, 'localStorage', { get: refused, configurable: true })
    try {
      await expect(resetCognito(cognito)).resolves.toBeUndefined()
    } finally {
      Reflect.deleteProperty(globalThis, 'localStorage')
    }
  })

  it("resets and clears even when signOut throws, then rethrows signOut's error", async () => {
    await cognito.simulation.send('SignUp', { ClientId, Username: 'ann@example.com', Password: 'Correct-Horse-1' })
    const storage = area(['CognitoIdentityServiceProvider.isolatedclient000000000000.LastAuthUser'])
    const offline = new Error('offline')
    const failing = () => {
      throw offline
    }
    await expect(resetCognito(cognito, { storage: [storage], signOut: failing })).rejects.toBe(offline)
    expect(storage.keys).toEqual([])
    expect(cognito.messages()).toEqual([])
  })

  it('rejects, naming the problem, when the fixtures cannot be seeded again, and clears storage all the same', async () => {
    const mock = createCognitoMock({ fixtures: { users: [{ userPoolId: 'eu-west-1_Missing01', username: 'joe' }] } })
    await mock.ready.catch(() => undefined)
    const storage = area(['CognitoIdentityServiceProvider.client.LastAuthUser'])
    await expect(resetCognito(mock, { storage })).rejects.toThrow(/eu-west-1_Missing01/)
    expect(storage.keys).toEqual([])
  })
})
