import { describe, expect, it } from 'vitest'
import { operations } from '../../../schemas/operations.js'
import { CognitoError } from '../../../src/core/protocol/errors.js'
import { fail, type OperationContext } from '../../../src/core/simulation/context.js'
import { operation, runDefinition } from '../../../src/core/simulation/define.js'
import { Store } from '../../../src/core/simulation/engine/store.js'
import { createCognito } from '../../../src/core/simulation/index.js'

const oidc = {
  client_id: 'c',
  authorize_scopes: 'openid',
  oidc_issuer: 'https://idp.example.com',
  attributes_request_method: 'GET',
}

function populated() {
  const c = createCognito({ seed: 3 })
  const id = c.send('CreateUserPool', { PoolName: 'p' }).UserPool!.Id!
  c.send('CreateIdentityProvider', {
    UserPoolId: id,
    ProviderName: 'Okta',
    ProviderType: 'OIDC',
    ProviderDetails: oidc,
    IdpIdentifiers: ['example.com'],
  })
  const client = c.send('CreateUserPoolClient', { UserPoolId: id, ClientName: 'web' }).UserPoolClient!.ClientId!
  return { c, id, client }
}

describe('tables', () => {
  it('delete the rows that belong to a deleted pool, indexes included', () => {
    const { c, id } = populated()
    c.send('DeleteUserPool', { UserPoolId: id })
    const snapshot = c.snapshot()
    expect(snapshot.partitions).toEqual([])
    const other = c.send('CreateUserPool', { PoolName: 'q' }).UserPool!.Id!
    c.send('CreateIdentityProvider', {
      UserPoolId: other,
      ProviderName: 'Okta',
      ProviderType: 'OIDC',
      ProviderDetails: oidc,
      IdpIdentifiers: ['example.com'],
    })
    expect(
      c.send('GetIdentityProviderByIdentifier', { UserPoolId: other, IdpIdentifier: 'example.com' }).IdentityProvider!
        .UserPoolId,
    ).toBe(other)
  })

  it('keep creation order through updates, snapshots and undone deletes', () => {
    const { c, id } = populated()
    for (const name of ['A1x', 'B2x', 'C3x'])
      c.send('CreateIdentityProvider', {
        UserPoolId: id,
        ProviderName: name,
        ProviderType: 'OIDC',
        ProviderDetails: oidc,
      })
    c.send('UpdateIdentityProvider', { UserPoolId: id, ProviderName: 'A1x', AttributeMapping: { email: 'email' } })
    const names = (cog = c) =>
      cog.send('ListIdentityProviders', { UserPoolId: id }).Providers!.map((p) => p.ProviderName)
    expect(names()).toEqual(['Okta', 'A1x', 'B2x', 'C3x'])
    const restored = createCognito()
    restored.restore(c.snapshot())
    expect(names(restored)).toEqual(['Okta', 'A1x', 'B2x', 'C3x'])
    const page = c.send('ListIdentityProviders', { UserPoolId: id, MaxResults: 2 })
    expect(
      restored
        .send('ListIdentityProviders', { UserPoolId: id, MaxResults: 2, NextToken: page.NextToken! })
        .Providers!.map((p) => p.ProviderName),
    ).toEqual(['B2x', 'C3x'])
  })

  it('are frozen: a stored row changes only through its table', () => {
    const { c, id } = populated()
    const described = c.send('DescribeUserPool', { UserPoolId: id }).UserPool!
    described.Name = 'changed by the caller'
    expect(c.send('DescribeUserPool', { UserPoolId: id }).UserPool!.Name).toBe('p')
  })
})

describe('transactions', () => {
  it('undo every change, id and sequence number of a failed operation', () => {
    const store = new Store(1)
    const tables = store.partition('123456789012', 'us-east-1').tables
    const pool = { pool: { Id: 'us-east-1_A', Name: 'a' }, tags: {}, created: 1, modified: 1 }
    store.transaction(() => tables.pools.insert(pool))
    const before = store.snapshot()
    expect(() =>
      store.transaction(() => {
        store.ids.chars(5)
        tables.pools.put({ ...pool, tags: { k: 'v' } })
        tables.clients.insert({
          client: { ClientId: 'c1', UserPoolId: 'us-east-1_A', ClientName: 'x' },
          created: 2,
          modified: 2,
        })
        tables.pools.delete('us-east-1_A')
        throw new Error('fails half-way')
      }),
    ).toThrow('fails half-way')
    expect(store.snapshot()).toEqual(before)
    expect(tables.pools.get('us-east-1_A')).toEqual(pool)
    expect(tables.clients.children('us-east-1_A')).toEqual([])
  })

  it('refuse a snapshot of another version with a clear message', () => {
    expect(() => createCognito().restore({ version: 1, idCounter: 0, pools: [] } as never)).toThrow(
      'cognito-idp-contract: not a snapshot of this simulation (expected version 2, got 1)',
    )
  })
})

describe('operation definitions', () => {
  it('turn an error the operation does not model into an InternalErrorException that names the slip', () => {
    const cx = {} as OperationContext<'DescribeUserPool'>
    const slip = operation('DescribeUserPool', () => {
      throw new CognitoError('UsernameExistsException', 'not an error DescribeUserPool models')
    })
    expect(operations.DescribeUserPool.errors).not.toContain('UsernameExistsException')
    const error = (() => {
      try {
        runDefinition(slip, cx, { UserPoolId: 'us-east-1_A' })
      } catch (e) {
        return e as CognitoError
      }
    })()
    expect(error?.name).toBe('InternalErrorException')
    expect(error?.message).toContain('the simulation answered DescribeUserPool with UsernameExistsException')
  })

  it('let modelled and service-wide errors through', () => {
    const cx = {} as OperationContext<'DescribeUserPool'>
    for (const type of ['ResourceNotFoundException', 'TooManyRequestsException'] as const) {
      const definition = operation('DescribeUserPool', (context) => {
        throw fail(context, type, 'as modelled')
      })
      expect(() => runDefinition(definition, cx, { UserPoolId: 'us-east-1_A' })).toThrow(
        expect.objectContaining({ name: type }),
      )
    }
  })
})
