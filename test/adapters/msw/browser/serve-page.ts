// A web app on one local port using `serve` on another: Amplify v6 signs up, confirms with the code the control
// endpoint lists, and signs in with SRP, every call crossing origins (CORS), nothing mocked in the page.
import { Amplify } from 'aws-amplify'
import { confirmSignUp, fetchAuthSession, signIn, signOut, signUp } from 'aws-amplify/auth'

declare global {
  interface Window {
    __serve?: unknown
  }
}

const params = new URLSearchParams(location.search)
const endpoint = params.get('endpoint')!
const userPoolId = params.get('pool')!
const userPoolClientId = params.get('client')!

async function run(): Promise<unknown> {
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: endpoint } } })
  const signedUp = await signUp({
    username: 'jane@example.com',
    password: 'Correct-Horse-1',
    options: { userAttributes: { email: 'jane@example.com' } },
  })
  const messages = (await (
    await fetch(new URL('_cognito-idp-contract/messages?destination=jane@example.com', endpoint))
  ).json()) as Array<{ code: string }>
  const confirmed = await confirmSignUp({ username: 'jane@example.com', confirmationCode: messages.at(-1)!.code })
  const signedIn = await signIn({ username: 'jane@example.com', password: 'Correct-Horse-1' })
  const session = await fetchAuthSession()
  await signOut()
  let refusal = ''
  try {
    await signIn({ username: 'nobody@example.com', password: 'Correct-Horse-1' })
  } catch (error) {
    refusal = `${(error as Error).name}: ${(error as Error).message}`
  }
  return {
    origin: location.origin !== new URL(endpoint).origin,
    step: signedUp.nextStep.signUpStep,
    complete: confirmed.isSignUpComplete,
    signedIn: signedIn.isSignedIn,
    email: session.tokens?.idToken?.payload.email,
    refusal,
  }
}

run().then(
  (results) => (window.__serve = results),
  (error: Error) => (window.__serve = { error: `${error.name}: ${error.message}` }),
)
