// A frontend's sign-in page with an authenticator app, as a test would drive it: Amplify v6 in the browser, MSW's
// service worker answering, and the ID token checked by aws-jwt-verify with the JWKS the worker serves.

import { Amplify } from 'aws-amplify'
import {
  confirmSignIn,
  fetchAuthSession,
  getCurrentUser,
  setUpTOTP,
  signIn,
  signOut,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth'
import { CognitoJwtVerifier } from 'aws-jwt-verify'
import { Secret, TOTP } from 'otpauth'
import { setupCognitoWorker } from '../../../../src/adapters/msw/browser.js'
import { STRICT } from '../../../support/msw.js'

declare global {
  interface Window {
    __signIn?: unknown
  }
}

const userPoolId = 'eu-west-1_Browser02'
const userPoolClientId = 'browsersignin0000000000000'
const { worker, cognito } = setupCognitoWorker({
  fixtures: {
    userPools: [
      {
        PoolName: 'browser',
        Id: userPoolId,
        UsernameAttributes: ['email'],
        Clients: [{ ClientName: 'web', ClientId: userPoolClientId }],
        Users: [{ username: 'jane@example.com', password: 'Correct-Horse-1' }],
      },
    ],
  },
})

async function run(): Promise<unknown> {
  await worker.start(Object.assign({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } }, STRICT))
  await cognito.ready
  await cognito.simulation.send('SetUserPoolMfaConfig', {
    UserPoolId: userPoolId,
    MfaConfiguration: 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: true },
  })
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId } } })

  await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
  const setup = await setUpTOTP()
  const app = new TOTP({ secret: Secret.fromBase32(setup.sharedSecret) })
  await verifyTOTPSetup({ code: app.generate() })
  await updateMFAPreference({ totp: 'PREFERRED' })
  await signOut()

  const first = await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
  const done = await confirmSignIn({ challengeResponse: app.generate({ timestamp: Date.now() + 30_000 }) })
  const user = await getCurrentUser()
  const idToken = (await fetchAuthSession()).tokens!.idToken!.toString()
  const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'id', clientId: userPoolClientId })
  const claims = await verifier.verify(idToken)
  return {
    step: first.nextStep.signInStep,
    signedIn: done.isSignedIn,
    loginId: user.signInDetails?.loginId,
    email: claims['email'],
  }
}

run().then(
  (results) => (window.__signIn = results),
  (error: Error) => (window.__signIn = { error: `${error.name}: ${error.message}` }),
)
