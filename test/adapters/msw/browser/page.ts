// The page the browser test loads: MSW's service worker with our handlers, and the real SDK calling Cognito.
import {
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ListIdentityProvidersCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { setupCognitoWorker } from '../../../../src/adapters/msw/browser.js'
import { STRICT } from '../../../support/msw.js'

declare global {
  interface Window {
    __results?: unknown
  }
}

const { worker, cognito } = setupCognitoWorker({ seed: 1 })

async function run(): Promise<unknown> {
  await worker.start(Object.assign({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } }, STRICT))
  const client = new CognitoIdentityProviderClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  })
  const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'browser' }))
  await client.send(
    new CreateIdentityProviderCommand({
      UserPoolId: UserPool!.Id!,
      ProviderName: 'Okta',
      ProviderType: 'OIDC',
      ProviderDetails: {
        client_id: 'c',
        authorize_scopes: 'openid',
        oidc_issuer: 'https://idp.example.com',
        attributes_request_method: 'GET',
      },
    }),
  )
  const { Providers } = await client.send(new ListIdentityProvidersCommand({ UserPoolId: UserPool!.Id! }))
  const bad = await client.send(new DescribeUserPoolCommand({ UserPoolId: ' nope' })).then(
    () => undefined,
    (e: Error) => ({ name: e.name, message: e.message }),
  )
  return {
    arn: UserPool!.Arn,
    providers: Providers!.map((p) => `${p.ProviderName}:${p.ProviderType}`),
    created: UserPool!.CreationDate instanceof Date,
    bad,
    calls: cognito.calls().length,
  }
}

run().then(
  (results) => (window.__results = results),
  (error: Error) => (window.__results = { error: `${error.name}: ${error.message}` }),
)
