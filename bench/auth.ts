import { createRequire } from 'node:module'
import { createCognito } from 'cognito-idp-contract/simulation'
import { createPasskey } from 'cognito-idp-contract/testing'
import { srpClient } from '../test/support/srp-client.js'
import { figures, report } from './measure.js'

// The package ships no types for its SRP helper and big integers: loaded untyped, from its CommonJS build.
const require = createRequire(import.meta.url)
const { AuthenticationHelper } = require('amazon-cognito-identity-js')
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger.js').default
const POOL = 'us-east-1_BenchAuth'
const CLIENT = 'benchauthclient00000000000'
const PASSWORD = 'Correct-Horse-1'

/** Runs `fn` (after a warm-up) for about `ms` milliseconds and returns calls per second. */
async function rate(fn: () => Promise<unknown>, ms = 2000): Promise<number> {
  for (let i = 0; i < 5; i++) await fn()
  let calls = 0
  const start = performance.now()
  while (performance.now() - start < ms) {
    await fn()
    calls++
  }
  return (calls * 1000) / (performance.now() - start)
}

/** amazon-cognito-identity-js's half of an SRP sign-in: its A, then the key from the server's B and salt. */
function clientHalf(B: string, salt: string): Promise<unknown> {
  const helper = new AuthenticationHelper(POOL.split('_')[1])
  return new Promise((resolve, reject) =>
    helper.getPasswordAuthenticationKey(
      'jane',
      PASSWORD,
      new BigInteger(B, 16),
      new BigInteger(salt, 16),
      (e: Error, k: unknown) => (e ? reject(e) : resolve(k)),
    ),
  )
}

/** Sign-ins per second against the simulation in process, beside what a real client spends on its half of SRP. */
export async function signInRates(): Promise<void> {
  const cognito = createCognito()
  const passkey = await createPasskey()
  await cognito.seed({
    userPools: [
      {
        PoolName: 'bench',
        Id: POOL,
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
        MfaConfig: { WebAuthnConfiguration: { RelyingPartyId: 'localhost' } },
        Clients: [
          {
            ClientName: 'web',
            ClientId: CLIENT,
            ExplicitAuthFlows: [
              'ALLOW_USER_SRP_AUTH',
              'ALLOW_USER_PASSWORD_AUTH',
              'ALLOW_USER_AUTH',
              'ALLOW_REFRESH_TOKEN_AUTH',
            ],
          },
        ],
        Users: [
          { username: 'jane', password: PASSWORD },
          { username: 'pat', status: 'CONFIRMED', passkeys: [passkey.fixture] },
        ],
      },
    ],
  })
  const client = srpClient(POOL)
  let last: Record<string, string> = {}
  const srp = await rate(async () => {
    const challenge = await cognito.send('InitiateAuth', {
      ClientId: CLIENT,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'jane', SRP_A: client.A },
    })
    last = challenge.ChallengeParameters!
    await cognito.send('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: client.answer(last, PASSWORD, Date.now()),
    })
  })
  const password = await rate(() =>
    cognito.send('InitiateAuth', {
      ClientId: CLIENT,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'jane', PASSWORD },
    }),
  )
  const passkeys = await rate(async () => {
    const challenge = await cognito.send('InitiateAuth', {
      ClientId: CLIENT,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: 'pat', PREFERRED_CHALLENGE: 'WEB_AUTHN' },
    })
    await cognito.send('RespondToAuthChallenge', {
      ClientId: CLIENT,
      ChallengeName: 'WEB_AUTHN',
      Session: challenge.Session!,
      ChallengeResponses: { USERNAME: 'pat', CREDENTIAL: await passkey.answer(challenge.ChallengeParameters) },
    })
  })
  const ownClient = await rate(async () => client.answer(last, PASSWORD, Date.now()))
  const realClient = await rate(() => clientHalf(last['SRP_B']!, last['SALT']!))
  const f = (n: number) => `${Math.round(n).toLocaleString('en')} /s`
  // The simulation's own share of an SRP sign-in: the whole minus the test client's half.
  const server = 1 / (1 / srp - 1 / ownClient)
  const group = 'Sign-in'
  figures.push(
    { group, name: 'USER_SRP_AUTH sign-ins, both round trips with a BigInt test client', value: srp, unit: '/s' },
    { group, name: "USER_SRP_AUTH sign-ins, the simulation's share", value: server, unit: '/s' },
    { group, name: 'USER_PASSWORD_AUTH sign-ins', value: password, unit: '/s' },
    {
      group,
      name: 'USER_AUTH passkey (WEB_AUTHN) sign-ins, both round trips with a WebCrypto test authenticator',
      value: passkeys,
      unit: '/s',
      anchor: 'USER_SRP_AUTH sign-ins, both round trips with a BigInt test client',
      ratio: Math.round((passkeys / srp) * 100) / 100,
    },
    { group, name: "amazon-cognito-identity-js's client half of SRP alone", value: realClient, unit: '/s' },
  )
  report('Sign-in (simulation in process, one at a time)', [
    ['USER_SRP_AUTH sign-ins, both round trips with a BigInt test client', f(srp)],
    ["USER_SRP_AUTH sign-ins, the simulation's share", f(server)],
    ['USER_PASSWORD_AUTH sign-ins', f(password)],
    [
      'USER_AUTH passkey (WEB_AUTHN) sign-ins, both round trips with a WebCrypto test authenticator',
      `${f(passkeys)}  (${(passkeys / srp).toFixed(2)}x SRP's)`,
    ],
    ["amazon-cognito-identity-js's client half of SRP alone", f(realClient)],
    ["the simulation's SRP work against that client's own", `${(server / realClient).toFixed(1)}x faster`],
  ])
}
