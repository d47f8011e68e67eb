// An app under development on its own local port, beside `serve`: Amplify v6 signs a user up and stops there, for the
// console (open in another tab) to show the new user and the code it was sent. Bundled by console-browser.test.ts.
import { Amplify } from 'aws-amplify'
import { signUp } from 'aws-amplify/auth'

declare global {
  interface Window {
    __signedUp?: unknown
  }
}

const params = new URLSearchParams(location.search)
Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId: params.get('pool')!,
      userPoolClientId: params.get('client')!,
      userPoolEndpoint: params.get('endpoint')!,
    },
  },
})
const email = params.get('email')!
signUp({ username: email, password: 'Correct-Horse-1', options: { userAttributes: { email } } }).then(
  (result) => (window.__signedUp = result.nextStep.signUpStep),
  (error: Error) => (window.__signedUp = `${error.name}: ${error.message}`),
)
