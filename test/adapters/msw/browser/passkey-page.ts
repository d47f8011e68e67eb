// A web app's passkey settings and sign-in page, as a test drives it: Amplify v6 in the browser registers, lists and
// deletes passkeys and signs in with one (USER_AUTH, WEB_AUTHN), the browser's own WebAuthn answering with the virtual
// authenticator the test added, MSW's service worker answering with the simulation (which verifies in the page too),
// or `serve` when the page is given its address.
import { Amplify } from 'aws-amplify'
import {
  associateWebAuthnCredential,
  confirmSignIn,
  deleteWebAuthnCredential,
  fetchAuthSession,
  listWebAuthnCredentials,
  signIn,
  signOut,
} from 'aws-amplify/auth'
import { CognitoJwtVerifier } from 'aws-jwt-verify'
import { setupCognitoWorker } from '../../../../src/adapters/msw/browser.js'
import { STRICT } from '../../../support/msw.js'
import { PASSKEY_PAGE, passkeyFixtures } from './passkey-fixtures.js'

declare global {
  interface Window {
    __passkeys?: unknown
  }
}

const { userPoolId, userPoolClientId, username } = PASSKEY_PAGE
// With `?endpoint=` the page talks to that server (serve, seeded with the same fixtures); else to the worker.
const endpoint = new URLSearchParams(location.search).get('endpoint') ?? undefined
const { worker, cognito } = setupCognitoWorker({ fixtures: passkeyFixtures })

async function failure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run()
    return 'none'
  } catch (error) {
    return (error as Error).name
  }
}

async function run(): Promise<unknown> {
  if (endpoint === undefined) {
    await worker.start(Object.assign({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } }, STRICT))
    await cognito.ready
  }
  Amplify.configure({
    Auth: { Cognito: { userPoolId, userPoolClientId, ...(endpoint && { userPoolEndpoint: endpoint }) } },
  })

  await signIn({ username, password: 'Correct-Horse-1' })
  await associateWebAuthnCredential()
  const listed = await listWebAuthnCredentials()
  // The creation options exclude the passkey the authenticator already holds: the browser refuses a second one.
  const again = await failure(() => associateWebAuthnCredential())
  await signOut()

  const preferred = await signIn({ username, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' } })
  const idToken = (await fetchAuthSession()).tokens!.idToken!
  // aws-jwt-verify fetches the keys from Cognito's own issuer URL, which the worker answers; serve's tokens name serve.
  const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'id', clientId: userPoolClientId })
  const claims = endpoint === undefined ? await verifier.verify(idToken.toString()) : idToken.payload
  await signOut()

  const offered = await signIn({ username, options: { authFlowType: 'USER_AUTH' } })
  const chosen = await confirmSignIn({ challengeResponse: 'WEB_AUTHN' })

  const credential = listed.credentials[0]!
  await deleteWebAuthnCredential({ credentialId: credential.credentialId! })
  const after = await listWebAuthnCredentials()
  await signOut()
  const withoutPasskey = await signIn({
    username,
    options: { authFlowType: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' },
  })

  return {
    listed: listed.credentials.map((c) => ({
      name: c.friendlyCredentialName,
      rp: c.relyingPartyId,
      attachment: c.authenticatorAttachment,
      transports: c.authenticatorTransports,
      created: c.createdAt instanceof Date,
    })),
    again,
    preferred: { signedIn: preferred.isSignedIn, step: preferred.nextStep.signInStep, email: claims['email'] },
    offered:
      offered.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION'
        ? offered.nextStep.availableChallenges
        : offered.nextStep.signInStep,
    chosen: chosen.isSignedIn,
    after: after.credentials.length,
    withoutPasskey:
      withoutPasskey.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION'
        ? withoutPasskey.nextStep.availableChallenges
        : withoutPasskey.nextStep.signInStep,
  }
}

run().then(
  (results) => (window.__passkeys = results),
  (error: Error) => (window.__passkeys = { error: `${error.name}: ${error.message}` }),
)
