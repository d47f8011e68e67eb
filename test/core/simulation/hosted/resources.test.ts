import * as Sdk from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cognitoRequestHandler } from '../../../../src/adapters/sdk/index.js'

const handler = cognitoRequestHandler()
const sdk = new Sdk.CognitoIdentityProviderClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1,
  requestHandler: handler,
})
let UserPoolId = ''
const error = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error) => `${e.name}: ${e.message}`,
  )

beforeAll(async () => {
  UserPoolId = (await sdk.send(new Sdk.CreateUserPoolCommand({ PoolName: 'domains' }))).UserPool!.Id!
})
afterAll(() => handler.reset())

describe('domains', () => {
  it('creates, describes, updates and deletes a prefix domain; DescribeUserPool names it', async () => {
    const created = await sdk.send(new Sdk.CreateUserPoolDomainCommand({ UserPoolId, Domain: 'shop-auth' }))
    expect(created).toMatchObject({ ManagedLoginVersion: 1 })
    const { DomainDescription } = await sdk.send(new Sdk.DescribeUserPoolDomainCommand({ Domain: 'shop-auth' }))
    expect(DomainDescription).toMatchObject({
      UserPoolId,
      Domain: 'shop-auth',
      Status: 'ACTIVE',
      AWSAccountId: '123456789012',
    })
    expect((await sdk.send(new Sdk.DescribeUserPoolCommand({ UserPoolId }))).UserPool!.Domain).toBe('shop-auth')
    await sdk.send(new Sdk.UpdateUserPoolDomainCommand({ UserPoolId, Domain: 'shop-auth', ManagedLoginVersion: 2 }))
    expect(
      (await sdk.send(new Sdk.DescribeUserPoolDomainCommand({ Domain: 'shop-auth' }))).DomainDescription!
        .ManagedLoginVersion,
    ).toBe(2)
    expect(await error(sdk.send(new Sdk.DeleteUserPoolCommand({ UserPoolId })))).toBe(
      'InvalidParameterException: User pool cannot be deleted. It has a domain configured that should be deleted first.',
    )
    await sdk.send(new Sdk.DeleteUserPoolDomainCommand({ UserPoolId, Domain: 'shop-auth' }))
    expect((await sdk.send(new Sdk.DescribeUserPoolDomainCommand({ Domain: 'shop-auth' }))).DomainDescription).toEqual(
      {},
    )
  })

  it('refuses a domain another pool has, and a prefix with dots', async () => {
    const other = (await sdk.send(new Sdk.CreateUserPoolCommand({ PoolName: 'other' }))).UserPool!.Id!
    await sdk.send(new Sdk.CreateUserPoolDomainCommand({ UserPoolId: other, Domain: 'taken' }))
    expect(await error(sdk.send(new Sdk.CreateUserPoolDomainCommand({ UserPoolId, Domain: 'taken' })))).toBe(
      'InvalidParameterException: Domain already associated with another user pool.',
    )
    expect(
      await error(sdk.send(new Sdk.CreateUserPoolDomainCommand({ UserPoolId, Domain: 'auth.example.com' }))),
    ).toMatch(/^InvalidParameterException: 1 validation error detected: Value 'auth.example.com' at 'domain'/)
  })

  it('takes a custom domain with its certificate, answering the CloudFront distribution', async () => {
    const created = await sdk.send(
      new Sdk.CreateUserPoolDomainCommand({
        UserPoolId,
        Domain: 'auth.example.com',
        CustomDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' },
      }),
    )
    expect(created.CloudFrontDomain).toMatch(/^[a-z0-9]+\.cloudfront\.net$/)
    expect(
      await error(
        sdk.send(
          new Sdk.CreateUserPoolDomainCommand({
            UserPoolId,
            Domain: 'login.example.com',
            CustomDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' },
          }),
        ),
      ),
    ).toBe('InvalidParameterException: User pool already has a domain configured.')
    expect((await sdk.send(new Sdk.DescribeUserPoolCommand({ UserPoolId }))).UserPool!.CustomDomain).toBe(
      'auth.example.com',
    )
    await sdk.send(new Sdk.DeleteUserPoolDomainCommand({ UserPoolId, Domain: 'auth.example.com' }))
  })
})

describe('resource servers and OAuth settings', () => {
  it('creates, lists, updates and deletes resource servers', async () => {
    const Scopes = [{ ScopeName: 'read', ScopeDescription: 'Read' }]
    await sdk.send(
      new Sdk.CreateResourceServerCommand({ UserPoolId, Identifier: 'https://api.example.com', Name: 'API', Scopes }),
    )
    await sdk.send(new Sdk.CreateResourceServerCommand({ UserPoolId, Identifier: 'billing', Name: 'Billing' }))
    expect(
      await error(sdk.send(new Sdk.CreateResourceServerCommand({ UserPoolId, Identifier: 'billing', Name: 'Again' }))),
    ).toBe(`InvalidParameterException: ${UserPoolId} already has identifier billing`)
    const page1 = await sdk.send(new Sdk.ListResourceServersCommand({ UserPoolId, MaxResults: 1 }))
    expect(page1.ResourceServers!.map((r) => r.Identifier)).toEqual(['https://api.example.com'])
    const page2 = await sdk.send(
      new Sdk.ListResourceServersCommand({ UserPoolId, MaxResults: 1, NextToken: page1.NextToken }),
    )
    expect(page2.ResourceServers!.map((r) => r.Identifier)).toEqual(['billing'])
    const updated = await sdk.send(
      new Sdk.UpdateResourceServerCommand({ UserPoolId, Identifier: 'billing', Name: 'Billing v2', Scopes }),
    )
    expect(updated.ResourceServer).toEqual({ UserPoolId, Identifier: 'billing', Name: 'Billing v2', Scopes })
    await sdk.send(new Sdk.DeleteResourceServerCommand({ UserPoolId, Identifier: 'billing' }))
    expect(await error(sdk.send(new Sdk.DescribeResourceServerCommand({ UserPoolId, Identifier: 'billing' })))).toMatch(
      /^ResourceNotFoundException: /,
    )
  })

  it("checks a client's scopes, flows and URLs as Cognito does", async () => {
    const base = { UserPoolId, ClientName: 'web', AllowedOAuthFlowsUserPoolClient: true }
    expect(
      await error(
        sdk.send(
          new Sdk.CreateUserPoolClientCommand({
            ...base,
            AllowedOAuthFlows: ['code'],
            AllowedOAuthScopes: ['Cognito'],
            CallbackURLs: ['https://app.example/cb'],
          }),
        ),
      ),
    ).toBe('ScopeDoesNotExistException: Invalid scope requested: Cognito')
    expect(
      await error(
        sdk.send(
          new Sdk.CreateUserPoolClientCommand({ ...base, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'] }),
        ),
      ),
    ).toBe('InvalidOAuthFlowException: CallbackUrls can not be empty when code flow or implicit flow is selected')
    expect(
      await error(
        sdk.send(
          new Sdk.CreateUserPoolClientCommand({
            ...base,
            GenerateSecret: true,
            AllowedOAuthFlows: ['code', 'client_credentials'],
            AllowedOAuthScopes: ['https://api.example.com/read'],
            CallbackURLs: ['https://app.example/cb'],
          }),
        ),
      ),
    ).toBe(
      'InvalidOAuthFlowException: client_credentials flow can not be selected along with code flow or implicit flow.',
    )
    const ok = await sdk.send(
      new Sdk.CreateUserPoolClientCommand({
        ...base,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'https://api.example.com/read'],
        CallbackURLs: ['http://localhost:5173/', 'myapp://callback'],
      }),
    )
    expect(ok.UserPoolClient!.AllowedOAuthScopes).toEqual(['openid', 'https://api.example.com/read'])
    expect(
      await error(
        sdk.send(
          new Sdk.UpdateUserPoolClientCommand({
            UserPoolId,
            ClientId: ok.UserPoolClient!.ClientId!,
            AllowedOAuthFlows: ['code'],
            AllowedOAuthScopes: ['openid'],
            CallbackURLs: ['http://app.example/cb'],
          }),
        ),
      ),
    ).toMatch(/^InvalidParameterException: http:\/\/app.example\/cb is not a valid URL/)
  })
})
