import { describe, expect, it } from 'vitest'
import { operations } from '../../../schemas/operations.js'
import { CognitoError } from '../../../src/core/protocol/errors.js'
import { fail, type OperationContext } from '../../../src/core/simulation/context.js'
import { operation, runDefinition } from '../../../src/core/simulation/define.js'
import { Store } from '../../../src/core/simulation/engine/store.js'
import { createCognito } from '../../../src/core/simulation/index.js'
import { TABLES } from '../../../src/core/simulation/schema.js'

const oidc = {
  client_id: 'c',
  authorize_scopes: 'openid',
  oidc_issuer: 'https://idp.example.com',
  attributes_request_method: 'GET',
}

async function populated() {
  const c = createCognito({ seed: 3 })
  const id = (await c.send('CreateUserPool', { PoolName: 'p' })).UserPool!.Id!
  await c.send('CreateIdentityProvider', {
    UserPoolId: id,
    ProviderName: 'Okta',
    ProviderType: 'OIDC',
    ProviderDetails: oidc,
    IdpIdentifiers: ['example.com'],
  })
  const client = (await c.send('CreateUserPoolClient', { UserPoolId: id, ClientName: 'web' })).UserPoolClient!.ClientId!
  return { c, id, client }
}

describe('tables', () => {
  it('delete the rows that belong to a deleted pool, indexes included', async () => {
    const { c, id } = await populated()
    await c.send('DeleteUserPool', { UserPoolId: id })
    const snapshot = c.snapshot()
    expect(snapshot.partitions).toEqual([])
    const other = (await c.send('CreateUserPool', { PoolName: 'q' })).UserPool!.Id!
    await c.send('CreateIdentityProvider', {
      UserPoolId: other,
      ProviderName: 'Okta',
      ProviderType: 'OIDC',
      ProviderDetails: oidc,
      IdpIdentifiers: ['example.com'],
    })
    expect(
      (await c.send('GetIdentityProviderByIdentifier', { UserPoolId: other, IdpIdentifier: 'example.com' }))
        .IdentityProvider!.UserPoolId,
    ).toBe(other)
  })

  it('keep creation order through updates, snapshots and undone deletes', async () => {
    const { c, id } = await populated()
    for (const name of ['A1x', 'B2x', 'C3x'])
      await c.send('CreateIdentityProvider', {
        UserPoolId: id,
        ProviderName: name,
        ProviderType: 'OIDC',
        ProviderDetails: oidc,
      })
    await c.send('UpdateIdentityProvider', {
      UserPoolId: id,
      ProviderName: 'A1x',
      AttributeMapping: { email: 'email' },
    })
    const names = async (cog = c) =>
      (await cog.send('ListIdentityProviders', { UserPoolId: id })).Providers!.map((p) => p.ProviderName)
    expect(await names()).toEqual(['Okta', 'A1x', 'B2x', 'C3x'])
    const restored = createCognito()
    restored.restore(c.snapshot())
    expect(await names(restored)).toEqual(['Okta', 'A1x', 'B2x', 'C3x'])
    const page = await c.send('ListIdentityProviders', { UserPoolId: id, MaxResults: 2 })
    const next = await restored.send('ListIdentityProviders', {
      UserPoolId: id,
      MaxResults: 2,
      NextToken: page.NextToken!,
    })
    expect(next.Providers!.map((p) => p.ProviderName)).toEqual(['B2x', 'C3x'])
  })

  it('are frozen: a stored row changes only through its table', async () => {
    const { c, id } = await populated()
    const described = (await c.send('DescribeUserPool', { UserPoolId: id })).UserPool!
    described.Name = 'changed by the caller'
    expect((await c.send('DescribeUserPool', { UserPoolId: id })).UserPool!.Name).toBe('p')
  })
})

describe('transactions', () => {
  it('undo every change, id and sequence number of a failed operation', async () => {
    const store = new Store(TABLES, 1)
    const tables = store.partition('123456789012', 'us-east-1').tables
    const pool = { pool: { Id: 'us-east-1_A', Name: 'a' }, tags: {}, created: 1, modified: 1 }
    await store.exclusive(() => tables.pools.insert(pool))
    const before = store.snapshot()
    await expect(
      store.exclusive(async () => {
        store.ids.chars(5)
        tables.pools.put({ ...pool, tags: { k: 'v' } })
        tables.clients.insert({
          client: { ClientId: 'c1', UserPoolId: 'us-east-1_A', ClientName: 'x' },
          created: 2,
          modified: 2,
        })
        tables.pools.delete('us-east-1_A')
        await Promise.resolve()
        throw new Error('fails half-way')
      }),
    ).rejects.toThrow('fails half-way')
    expect(store.snapshot()).toEqual(before)
    expect(tables.pools.get('us-east-1_A')).toEqual(pool)
    expect(tables.clients.children('us-east-1_A')).toEqual([])
  })

  it('refuse a snapshot of another version with a clear message', async () => {
    expect(() => createCognito().restore({ version: 1, idCounter: 0, pools: [] } as never)).toThrow(
      'cognito-idp-contract: not a snapshot of this simulation (expected version 2, got 1)',
    )
  })
})

describe('operation definitions', () => {
  it('turn an error the operation does not model into an InternalErrorException that names the slip', async () => {
    const cx = {} as OperationContext<'DescribeUserPool'>
    const slip = operation('DescribeUserPool', () => {
      throw new CognitoError('UsernameExistsException', 'not an error DescribeUserPool models')
    })
    expect(operations.DescribeUserPool.errors).not.toContain('UsernameExistsException')
    const error = await runDefinition(slip, cx, { UserPoolId: 'us-east-1_A' }).then(
      () => undefined,
      (e: CognitoError) => e,
    )
    expect(error?.name).toBe('InternalErrorException')
    expect(error?.message).toContain('the simulation answered DescribeUserPool with UsernameExistsException')
  })

  it('let modelled and service-wide errors through', async () => {
    const cx = {} as OperationContext<'DescribeUserPool'>
    for (const type of ['ResourceNotFoundException', 'TooManyRequestsException'] as const) {
      const definition = operation('DescribeUserPool', (context) => {
        throw fail(context, type, 'as modelled')
      })
      await expect(runDefinition(definition, cx, { UserPoolId: 'us-east-1_A' })).rejects.toMatchObject({ name: type })
    }
  })
})
