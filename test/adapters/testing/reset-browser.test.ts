// @vitest-environment jsdom
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js'
import { Amplify } from 'aws-amplify'
import { getCurrentUser, signIn } from 'aws-amplify/auth'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { clearCognitoClientStorage, resetCognito } from '../../../src/adapters/testing/reset.js'
import { STRICT } from '../../support/msw.js'

// In jsdom, where Amplify and amazon-cognito-identity-js keep their sessions in window.localStorage.
const UserPoolId = 'eu-west-1_Isolated2'
const ClientId = 'isolatedbrowser00000000000'
const joe = { username: 'joe@example.com', password: 'Correct-Horse-1' }
const { server, cognito } = setupCognitoServer({
  seed: 4,
  fixtures: {
    userPools: [
      {
        PoolName: 'isolated',
        Id: UserPoolId,
        UsernameAttributes: ['email'],
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
  await resetCognito(cognito)
  localStorage.clear()
})
afterAll(() => server.close())

/** Signs joe in with amazon-cognito-identity-js, which keeps the session in window.localStorage. */
function identityJsSignIn(): Promise<void> {
  const pool = new CognitoUserPool({ UserPoolId, ClientId })
  const user = new CognitoUser({ Username: joe.username, Pool: pool })
  const details = new AuthenticationDetails({ Username: joe.username, Password: joe.password })
  return new Promise((resolve, reject) =>
    user.authenticateUser(details, { onSuccess: () => resolve(), onFailure: reject }),
  )
}
const keys = (storage: Storage) => Array.from({ length: storage.length }, (_, i) => storage.key(i)!).sort()

describe('resetCognito in a browser-like environment', () => {
  it('leaves no Amplify session: reset() alone does, and the next signIn finds the old user', async () => {
    expect(await signIn(joe)).toMatchObject({ isSignedIn: true })
    expect(keys(localStorage).every((k) => k.startsWith(`CognitoIdentityServiceProvider.${ClientId}.`))).toBe(true)
    cognito.reset()
    expect((await getCurrentUser()).signInDetails?.loginId).toBe(joe.username)
    await expect(signIn(joe)).rejects.toMatchObject({ name: 'UserAlreadyAuthenticatedException' })

    // Without signOut: Amplify reads its tokens from localStorage at each call, so clearing it is enough here.
    await resetCognito(cognito)
    await expect(getCurrentUser()).rejects.toMatchObject({ name: 'UserUnAuthenticatedException' })
    expect(await signIn(joe)).toMatchObject({ isSignedIn: true })
  })

  it("removes amazon-cognito-identity-js's session and keeps the page's own keys", async () => {
    localStorage.setItem('theme', 'dark')
    localStorage.setItem('Cognito.eu-west-1:2f1c.identityId', 'eu-west-1:2f1c')
    await identityJsSignIn()
    expect(new CognitoUserPool({ UserPoolId, ClientId }).getCurrentUser()?.getUsername()).toMatch(/^[0-9a-f-]{36}$/)
    await resetCognito(cognito)
    expect(new CognitoUserPool({ UserPoolId, ClientId }).getCurrentUser()).toBeNull()
    expect(keys(localStorage)).toEqual(['Cognito.eu-west-1:2f1c.identityId', 'theme'])
  })

  it('clears sessionStorage too, where Amplify keeps a sign-in half done', async () => {
    sessionStorage.setItem('CognitoSignInState.username', joe.username)
    sessionStorage.setItem('CognitoSignInState.challengeName', 'SOFTWARE_TOKEN_MFA')
    sessionStorage.setItem('draft', 'kept')
    await resetCognito(cognito)
    expect(keys(sessionStorage)).toEqual(['draft'])
    expect(clearCognitoClientStorage(sessionStorage)).toBe(0)
  })

  it('clears only the areas it is given, when given some', async () => {
    await identityJsSignIn()
    const before = keys(localStorage)
    await resetCognito(cognito, { storage: [] })
    expect(keys(localStorage)).toEqual(before)
  })
})
