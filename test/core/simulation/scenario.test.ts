import {
  CreateIdentityProviderCommand,
  CreateUserPoolCommand,
  DeleteIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  GetIdentityProviderByIdentifierCommand,
  ListIdentityProvidersCommand,
  ResourceNotFoundException,
  UpdateIdentityProviderCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { createCognito } from '../../../src/core/simulation/index.js'
import { STRICT } from '../../support/msw.js'
import { sdkClient } from '../../support/sdk.js'

let now = Date.UTC(2018, 4, 17, 9, 0, 0)
const { server, cognito } = setupCognitoServer({ mode: 'simulation', simulation: createCognito({ clock: () => now }) })
const client = sdkClient()
beforeAll(() => server.listen(STRICT))
afterAll(() => server.close())

describe('the 2018-05-17 change, end to end through the real SDK', () => {
  it('creates a pool with an Arn, then an OIDC provider it can describe, list, update, find and delete', async () => {
    const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'single-sign-on' }))
    expect(UserPool!.Arn).toBe(`arn:aws:cognito-idp:us-east-1:123456789012:userpool/${UserPool!.Id}`)
    const UserPoolId = UserPool!.Id!

    const created = await client.send(
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'Okta',
        ProviderType: 'OIDC',
        IdpIdentifiers: ['example.com'],
        ProviderDetails: {
          client_id: 'okta-client',
          client_secret: 'okta-secret',
          authorize_scopes: 'openid email',
          oidc_issuer: 'https://example.okta.com',
          attributes_request_method: 'GET',
        },
      }),
    )
    expect(created.IdentityProvider).toMatchObject({ ProviderType: 'OIDC', AttributeMapping: { username: 'sub' } })
    expect(created.IdentityProvider!.ProviderDetails).toMatchObject({
      attributes_url_add_attributes: 'false',
      oidc_issuer: 'https://example.okta.com',
    })

    const described = await client.send(new DescribeIdentityProviderCommand({ UserPoolId, ProviderName: 'Okta' }))
    expect(described.IdentityProvider).toEqual(created.IdentityProvider)

    const listed = await client.send(new ListIdentityProvidersCommand({ UserPoolId, MaxResults: 60 }))
    expect(listed.Providers!.map((p) => [p.ProviderName, p.ProviderType])).toEqual([['Okta', 'OIDC']])

    now += 60_000
    const updated = await client.send(
      new UpdateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'Okta',
        AttributeMapping: { email: 'email', username: 'sub' },
      }),
    )
    expect(updated.IdentityProvider!.AttributeMapping).toEqual({ email: 'email', username: 'sub' })
    expect(updated.IdentityProvider!.LastModifiedDate).toEqual(new Date(Date.UTC(2018, 4, 17, 9, 1, 0)))
    expect(updated.IdentityProvider!.CreationDate).toEqual(new Date(Date.UTC(2018, 4, 17, 9, 0, 0)))

    const found = await client.send(
      new GetIdentityProviderByIdentifierCommand({ UserPoolId, IdpIdentifier: 'example.com' }),
    )
    expect(found.IdentityProvider!.ProviderName).toBe('Okta')

    await client.send(new DeleteIdentityProviderCommand({ UserPoolId, ProviderName: 'Okta' }))
    await expect(
      client.send(new DescribeIdentityProviderCommand({ UserPoolId, ProviderName: 'Okta' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException)
    expect(cognito.calls().map((c) => c.operation)).toEqual([
      'CreateUserPool',
      'CreateIdentityProvider',
      'DescribeIdentityProvider',
      'ListIdentityProviders',
      'UpdateIdentityProvider',
      'GetIdentityProviderByIdentifier',
      'DeleteIdentityProvider',
      'DescribeIdentityProvider',
    ])
  })
})
