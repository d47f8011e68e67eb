// A web app that signs in with Amplify v6's signInWithRedirect: to the pool's domain (its real host name, which the
// test routes to `serve`), through the hosted sign-in page or an outside OIDC provider, and back with a code that
// Amplify exchanges at the domain's token endpoint. Nothing in the page is mocked.
import { Amplify } from 'aws-amplify'
import { fetchAuthSession, signInWithRedirect } from 'aws-amplify/auth'
import 'aws-amplify/auth/enable-oauth-listener'
import { Hub } from 'aws-amplify/utils'

declare global {
  interface Window {
    __redirect?: unknown
    __idToken?: unknown
  }
}

const params = new URLSearchParams(location.search)
const settings = JSON.parse(sessionStorage.getItem('settings') ?? params.get('settings') ?? '{}') as {
  pool: string
  client: string
  domain: string
  provider?: string
}
sessionStorage.setItem('settings', JSON.stringify(settings))
const here = `${location.origin}${location.pathname}`

Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId: settings.pool,
      userPoolClientId: settings.client,
      loginWith: {
        oauth: {
          domain: settings.domain,
          scopes: ['openid', 'email', 'profile'],
          redirectSignIn: [here],
          redirectSignOut: [here],
          responseType: 'code',
        },
      },
    },
  },
})

const report = async () => {
  const session = await fetchAuthSession()
  const id = session.tokens?.idToken?.payload
  // The whole ID token's payload too, set first, for tests reading more claims (e.g. `identities`).
  window.__idToken = id
  window.__redirect = {
    username: id?.['cognito:username'],
    email: id?.['email'],
    scope: session.tokens?.accessToken.payload['scope'],
  }
}

Hub.listen('auth', ({ payload }) => {
  if (payload.event === 'signInWithRedirect') void report()
  if (payload.event === 'signInWithRedirect_failure')
    window.__redirect = { error: String((payload.data as { error?: Error })?.error?.message ?? 'failure') }
})

if (!params.has('code') && !params.has('error')) {
  const social = ['Google', 'Facebook', 'Amazon', 'Apple'] as const
  const provider = social.find((p) => p === settings.provider) ?? (settings.provider && { custom: settings.provider })
  void signInWithRedirect(provider ? { provider } : undefined)
}
