import { CognitoJwtVerifier } from 'aws-jwt-verify'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { cognitoRequestHandler } from '../../../src/adapters/sdk/index.js'
import { startCognitoServer } from '../../../src/adapters/server/index.js'
import { STRICT } from '../../support/msw.js'

const userPoolId = 'us-west-2_Verify123'
const clientId = '6example23456789abcdefghij'
const fixtures = {
  userPools: [
    {
      PoolName: 'api',
      Id: userPoolId,
      Clients: [{ ClientName: 'web', ClientId: clientId, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH' as const] }],
      Users: [{ username: 'jane', password: 'Correct-Horse-1', groups: ['admins'] }],
    },
  ],
}
const { server, cognito } = setupCognitoServer({ seed: 17, fixtures })
beforeAll(async () => {
  server.listen(STRICT)
  await cognito.ready
})
afterEach(() => vi.useRealTimers())
afterAll(() => server.close())

const tokens = async () =>
  (
    await cognito.simulation.send('InitiateAuth', {
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' },
    })
  ).AuthenticationResult!

describe("aws-jwt-verify's CognitoJwtVerifier", () => {
  it('accepts ID and access tokens, fetching the JWKS through the handlers', async () => {
    const { IdToken, AccessToken } = await tokens()
    const idVerifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'id', clientId })
    expect(await idVerifier.verify(IdToken!)).toMatchObject({ 'cognito:username': 'jane', aud: clientId })
    const accessVerifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'access', clientId, groups: 'admins' })
    expect(await accessVerifier.verify(AccessToken!)).toMatchObject({ username: 'jane', client_id: clientId })
    expect(cognito.calls().filter((c) => c.operation !== undefined && c.operation !== 'InitiateAuth')).toHaveLength(0)
  })

  it('rejects a token once the clock passes exp, and a token of the wrong use', async () => {
    const { IdToken, AccessToken } = await tokens()
    const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'id', clientId })
    await expect(verifier.verify(AccessToken!)).rejects.toThrow(/token use/i)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_601_000 })
    await expect(verifier.verify(IdToken!)).rejects.toThrow(/expired/i)
  })

  it('verifies offline with the JWKS simulation.jwks returns', async () => {
    const { IdToken } = await tokens()
    const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'id', clientId })
    verifier.cacheJwks((await cognito.simulation.jwks(userPoolId))!)
    expect(await verifier.verify(IdToken!)).toMatchObject({ token_use: 'id' })
  })

  it("refuses another pool's tokens: each pool signs with its own keys", async () => {
    const other = await cognito.simulation.send('CreateUserPool', { PoolName: 'other' })
    const otherJwks = (await cognito.simulation.jwks(other.UserPool!.Id!))!
    const ownJwks = (await cognito.simulation.jwks(userPoolId))!
    expect(otherJwks.keys.map((k) => k.kid)).not.toContain(ownJwks.keys[0]!.kid)
    expect(await cognito.simulation.jwks('us-west-2_Missing99')).toBeUndefined()
  })
})

describe('the JWKS document', () => {
  it('is served at /<poolId>/.well-known/jwks.json with two RS256 signing keys', async () => {
    const response = await fetch(`https://cognito-idp.us-west-2.amazonaws.com/${userPoolId}/.well-known/jwks.json`)
    expect(response.status).toBe(200)
    const { keys } = (await response.json()) as { keys: Array<Record<string, string>> }
    expect(keys).toHaveLength(2)
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use'])
      expect(key).toMatchObject({ alg: 'RS256', kty: 'RSA', use: 'sig', e: 'AQAB' })
    }
  })

  it('is 404 for a pool that does not exist', async () => {
    const response = await fetch(
      'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_Missing99/.well-known/jwks.json',
    )
    expect(response.status).toBe(404)
  })

  it('is served by the local server and the in-process handler too', async () => {
    const local = await startCognitoServer({ seed: 17, fixtures })
    try {
      await local.mock.ready
      const response = await fetch(new URL(`/${userPoolId}/.well-known/jwks.json`, local.url))
      expect(response.status).toBe(200)
      expect(((await response.json()) as { keys: unknown[] }).keys).toHaveLength(2)
    } finally {
      await local.close()
    }
    const handler = cognitoRequestHandler({ seed: 17, fixtures })
    await handler.ready
    const { response } = await handler.handle({
      method: 'GET',
      protocol: 'https:',
      hostname: 'cognito-idp.us-west-2.amazonaws.com',
      path: `/${userPoolId}/.well-known/jwks.json`,
      headers: {},
    })
    expect(response.statusCode).toBe(200)
  })
})
