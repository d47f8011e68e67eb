import type { Fixtures } from '../../../../src/core/simulation/index.js'

/** The passkey page's pool, client and user. */
export const PASSKEY_PAGE = {
  userPoolId: 'us-east-1_Passkey01',
  userPoolClientId: 'passkeypage000000000000001',
  username: 'jane@example.com',
} as const

/** The pool the passkey page signs in to, in the worker or in `serve`. */
export const passkeyFixtures: Fixtures = {
  userPools: [
    {
      PoolName: 'passkeys',
      Id: PASSKEY_PAGE.userPoolId,
      UsernameAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
      // The relying party id Amplify's own tests use for local development.
      MfaConfig: { WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'required' } },
      Clients: [
        {
          ClientName: 'web',
          ClientId: PASSKEY_PAGE.userPoolClientId,
          ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
      ],
      Users: [
        { username: PASSKEY_PAGE.username, password: 'Correct-Horse-1', attributes: { email: PASSKEY_PAGE.username } },
      ],
    },
  ],
}
