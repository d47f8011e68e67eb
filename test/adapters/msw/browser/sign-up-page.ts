// A frontend's sign-up page, as a test would drive it: Amplify v6 in the browser, MSW's service worker answering.
import { Amplify } from 'aws-amplify'
import { confirmSignUp, signUp } from 'aws-amplify/auth'
import { setupCognitoWorker } from '../../../../src/adapters/msw/browser.js'
import { STRICT } from '../../../support/msw.js'

declare global {
  interface Window {
    __signUp?: unknown
  }
}

const userPoolId = 'eu-west-1_Browser01'
const userPoolClientId = 'browserclient0000000000000'
const { worker, cognito } = setupCognitoWorker({
  fixtures: {
    userPools: [
      {
        PoolName: 'browser',
        Id: userPoolId,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Clients: [{ ClientName: 'web', ClientId: userPoolClientId }],
      },
    ],
  },
})

async function run(): Promise<unknown> {
  await worker.start(Object.assign({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } }, STRICT))
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId } } })
  const signedUp = await signUp({
    username: 'jane@example.com',
    password: 'Correct-Horse-1',
    options: { userAttributes: { email: 'jane@example.com' } },
  })
  const code = cognito.lastCode({ destination: 'jane@example.com' })!
  const confirmed = await confirmSignUp({ username: 'jane@example.com', confirmationCode: code })
  const user = await cognito.simulation.send('AdminGetUser', { UserPoolId: userPoolId, Username: 'jane@example.com' })
  return {
    step: signedUp.nextStep.signUpStep,
    destination:
      signedUp.nextStep.signUpStep === 'CONFIRM_SIGN_UP'
        ? signedUp.nextStep.codeDeliveryDetails.destination
        : undefined,
    complete: confirmed.isSignUpComplete,
    status: user.UserStatus,
  }
}

run().then(
  (results) => (window.__signUp = results),
  (error: Error) => (window.__signUp = { error: `${error.name}: ${error.message}` }),
)
