import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  ListWebAuthnCredentialsCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { cognitoRequestHandler } from '../../../src/adapters/sdk/index.js'
import { createPasskey } from '../../../src/adapters/testing/index.js'
import type { Fixtures } from '../../../src/core/simulation/index.js'

const POOL = 'us-east-1_FixturePk1'
const CLIENT = 'fixturepasskeyclient000001'

const fixtures = (passkeys: Fixtures['users']): Fixtures => ({
  userPools: [
    {
      PoolName: 'passkeys',
      Id: POOL,
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
      MfaConfig: { WebAuthnConfiguration: { RelyingPartyId: 'localhost' } },
      Clients: [{ ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: ['ALLOW_USER_AUTH'] }],
    },
  ],
  users: passkeys,
})

const clientOf = (handler: ReturnType<typeof cognitoRequestHandler>) =>
  new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    requestHandler: handler,
  })

const challenge = (client: CognitoIdentityProviderClient) =>
  client.send(
    new InitiateAuthCommand({
      ClientId: CLIENT,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: 'jane', PREFERRED_CHALLENGE: 'WEB_AUTHN' },
    }),
  )

describe('createPasskey: a fixture passkey and its answers', () => {
  it('signs a seeded user in with the passkey alone, counting each signature', async () => {
    const passkey = await createPasskey()
    const handler = cognitoRequestHandler({
      fixtures: fixtures([{ username: 'jane', status: 'CONFIRMED', passkeys: [passkey.fixture] }]),
    })
    const client = clientOf(handler)
    for (let i = 0; i < 2; i++) {
      const { ChallengeName, ChallengeParameters, Session } = await challenge(client)
      expect(ChallengeName).toBe('WEB_AUTHN')
      const answered = await client.send(
        new RespondToAuthChallengeCommand({
          ClientId: CLIENT,
          ChallengeName: 'WEB_AUTHN',
          Session,
          ChallengeResponses: { USERNAME: 'jane', CREDENTIAL: await passkey.answer(ChallengeParameters) },
        }),
      )
      const { AuthenticationResult } = answered
      expect(AuthenticationResult?.AccessToken, JSON.stringify(answered)).toBeDefined()
      const { Credentials } = await client.send(
        new ListWebAuthnCredentialsCommand({ AccessToken: AuthenticationResult!.AccessToken! }),
      )
      expect(Credentials?.map((c) => [c.CredentialId, c.RelyingPartyId, c.FriendlyCredentialName])).toEqual([
        [passkey.credentialId, 'localhost', 'Platform passkey'],
      ])
    }
  })

  it("refuses another key's signature and an origin the relying party does not cover", async () => {
    const passkey = await createPasskey()
    const stranger = await createPasskey()
    const handler = cognitoRequestHandler({
      fixtures: fixtures([{ username: 'jane', status: 'CONFIRMED', passkeys: [passkey.fixture] }]),
    })
    const client = clientOf(handler)
    const refused = async (credential: (parameters: Record<string, string>) => Promise<string>) => {
      const { ChallengeParameters, Session } = await challenge(client)
      const CREDENTIAL = await credential(ChallengeParameters!)
      return client
        .send(
          new RespondToAuthChallengeCommand({
            ClientId: CLIENT,
            ChallengeName: 'WEB_AUTHN',
            Session,
            ChallengeResponses: { USERNAME: 'jane', CREDENTIAL },
          }),
        )
        .then(
          () => undefined,
          (e: Error) => e.name,
        )
    }
    const forged = async (p: Record<string, string>) =>
      JSON.stringify({ ...JSON.parse(await stranger.answer(p)), id: passkey.credentialId, rawId: passkey.credentialId })
    expect(await refused(forged)).toBe('NotAuthorizedException')
    expect(await refused((p) => passkey.answer(p, { origin: 'https://evil.example' }))).toBe('NotAuthorizedException')
    expect(await refused((p) => passkey.answer(p))).toBeUndefined()
  })

  it('names what is wrong with a fixture passkey', async () => {
    const passkey = await createPasskey()
    const bad = cognitoRequestHandler({
      fixtures: fixtures([{ username: 'jane', passkeys: [{ ...passkey.fixture, publicKey: { kty: 'OKP' } }] }]),
    })
    await expect(bad.ready).rejects.toThrow(/user jane has a passkey whose .*neither an EC P-256/)
    const twice = cognitoRequestHandler({
      fixtures: fixtures([{ username: 'jane', passkeys: [passkey.fixture, passkey.fixture] }]),
    })
    await expect(twice.ready).rejects.toThrow(/credentialId another passkey of the pool already has/)
  })
})
