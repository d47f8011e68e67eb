import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type OperationName, operations } from '../../../schemas/operations.js'
import { type CognitoMock, createCognitoMock } from '../../../src/core/mock/mock.js'
import { acceptableResponse } from '../../../src/core/protocol/discrepancies.js'
import { validateOperation } from '../../../src/core/validate/validate-schema.js'

/** The reference model: pools by id, each with providers by name and the identifiers they hold. */
interface Model {
  pools: Map<string, Map<string, { type: string; identifiers: string[] }>>
  poolOrder: string[]
}

interface Real {
  mock: CognitoMock
}

async function call(
  real: Real,
  op: OperationName,
  input: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await real.mock.handle({
    method: 'POST',
    url: 'https://cognito-idp.us-east-1.amazonaws.com/',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${op}`,
    },
    body: JSON.stringify(input),
  })
  const body = JSON.parse(response.body) as Record<string, unknown>
  if (response.status === 200)
    expect(acceptableResponse(op, validateOperation(operations[op], 'response', body)), `${op} response`).toBe(true)
  return { status: response.status, body }
}

const NAMES = ['Okta', 'AzureAD', 'Google', 'Facebook', 'Corp-SSO'] as const
const IDENTIFIERS = ['example.com', 'corp', 'example.org'] as const
const typeFor = (name: string) =>
  name === 'Google' || name === 'Facebook' ? name : name === 'AzureAD' ? 'SAML' : 'OIDC'
const details = (type: string): Record<string, string> =>
  type === 'SAML'
    ? { MetadataURL: 'https://idp.example.com/metadata' }
    : type === 'OIDC'
      ? {
          client_id: 'c',
          authorize_scopes: 'openid',
          oidc_issuer: 'https://idp.example.com',
          attributes_request_method: 'GET',
        }
      : {
          client_id: 'c',
          client_secret: 's',
          authorize_scopes: type === 'Google' ? 'openid email' : 'public_profile, email',
        }

type Command = fc.AsyncCommand<Model, Real>
const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items.length === 0 ? undefined : items[index % items.length]

class CreatePool implements Command {
  check = () => true
  async run(m: Model, r: Real) {
    const { status, body } = await call(r, 'CreateUserPool', { PoolName: 'pool' })
    expect(status).toBe(200)
    const id = (body['UserPool'] as { Id: string; Arn: string }).Id
    expect(m.pools.has(id)).toBe(false)
    expect((body['UserPool'] as { Arn: string }).Arn).toBe(`arn:aws:cognito-idp:us-east-1:123456789012:userpool/${id}`)
    m.pools.set(id, new Map())
    m.poolOrder.push(id)
  }
  toString = () => 'CreatePool'
}

class DeletePool implements Command {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.poolOrder.length > 0
  async run(m: Model, r: Real) {
    const id = pick(m.poolOrder, this.index)!
    expect((await call(r, 'DeleteUserPool', { UserPoolId: id })).status).toBe(200)
    m.pools.delete(id)
    m.poolOrder = m.poolOrder.filter((p) => p !== id)
    expect((await call(r, 'DescribeUserPool', { UserPoolId: id })).body['__type']).toBe('ResourceNotFoundException')
  }
  toString = () => `DeletePool(${this.index})`
}

class CreateProvider implements Command {
  constructor(
    readonly pool: number,
    readonly name: string,
    readonly identifiers: string[],
  ) {}
  check = (m: Readonly<Model>) => m.poolOrder.length > 0
  async run(m: Model, r: Real) {
    const id = pick(m.poolOrder, this.pool)!
    const providers = m.pools.get(id)!
    const type = typeFor(this.name)
    const ids = type === 'SAML' || type === 'OIDC' ? this.identifiers : []
    const { status, body } = await call(r, 'CreateIdentityProvider', {
      UserPoolId: id,
      ProviderName: this.name,
      ProviderType: type,
      ProviderDetails: details(type),
      IdpIdentifiers: ids,
    })
    const taken = [...providers.values()].some((p) => p.identifiers.some((i) => ids.includes(i)))
    if (providers.has(this.name) || taken) {
      expect([status, body['__type']]).toEqual([400, 'DuplicateProviderException'])
      return
    }
    expect(status).toBe(200)
    providers.set(this.name, { type, identifiers: ids })
  }
  toString = () => `CreateProvider(${this.pool}, ${this.name}, [${this.identifiers}])`
}

class UpdateProvider implements Command {
  constructor(
    readonly pool: number,
    readonly name: string,
    readonly identifiers: string[],
  ) {}
  check = (m: Readonly<Model>) => m.poolOrder.length > 0
  async run(m: Model, r: Real) {
    const id = pick(m.poolOrder, this.pool)!
    const providers = m.pools.get(id)!
    const { status, body } = await call(r, 'UpdateIdentityProvider', {
      UserPoolId: id,
      ProviderName: this.name,
      IdpIdentifiers: this.identifiers,
    })
    const existing = providers.get(this.name)
    if (!existing) return expect(body['__type']).toBe('ResourceNotFoundException')
    const taken = [...providers].some(
      ([n, p]) => n !== this.name && p.identifiers.some((i) => this.identifiers.includes(i)),
    )
    if (taken) return expect(body['__type']).toBe('InvalidParameterException')
    expect(status).toBe(200)
    existing.identifiers = [...this.identifiers]
  }
  toString = () => `UpdateProvider(${this.pool}, ${this.name}, [${this.identifiers}])`
}

class DeleteProvider implements Command {
  constructor(
    readonly pool: number,
    readonly name: string,
  ) {}
  check = (m: Readonly<Model>) => m.poolOrder.length > 0
  async run(m: Model, r: Real) {
    const id = pick(m.poolOrder, this.pool)!
    const providers = m.pools.get(id)!
    const { status, body } = await call(r, 'DeleteIdentityProvider', { UserPoolId: id, ProviderName: this.name })
    if (!providers.has(this.name)) return expect(body['__type']).toBe('ResourceNotFoundException')
    expect(status).toBe(200)
    providers.delete(this.name)
    expect(
      (await call(r, 'DescribeIdentityProvider', { UserPoolId: id, ProviderName: this.name })).body['__type'],
    ).toBe('ResourceNotFoundException')
  }
  toString = () => `DeleteProvider(${this.pool}, ${this.name})`
}

/** An app client may only name providers its pool has (or COGNITO). */
class CreateClient implements Command {
  constructor(
    readonly pool: number,
    readonly names: string[],
  ) {}
  check = (m: Readonly<Model>) => m.poolOrder.length > 0
  async run(m: Model, r: Real) {
    const id = pick(m.poolOrder, this.pool)!
    const providers = m.pools.get(id)!
    const { status, body } = await call(r, 'CreateUserPoolClient', {
      UserPoolId: id,
      ClientName: 'app',
      SupportedIdentityProviders: this.names,
    })
    const unknown = this.names.find((n) => n !== 'COGNITO' && !providers.has(n))
    if (unknown)
      return expect([status, body['message']]).toEqual([
        400,
        `The provider ${unknown} does not exist for User Pool ${id}`,
      ])
    expect(status).toBe(200)
    expect((body['UserPoolClient'] as { SupportedIdentityProviders: string[] }).SupportedIdentityProviders).toEqual(
      this.names,
    )
  }
  toString = () => `CreateClient(${this.pool}, [${this.names}])`
}

/** Pages through every provider and checks each appears exactly once, with describe and lookup by identifier agreeing. */
class CheckProviders implements Command {
  constructor(
    readonly pool: number,
    readonly pageSize: number,
  ) {}
  check = (m: Readonly<Model>) => m.poolOrder.length > 0
  async run(m: Model, r: Real) {
    const id = pick(m.poolOrder, this.pool)!
    const providers = m.pools.get(id)!
    const seen: string[] = []
    let token: string | undefined
    do {
      const { body } = await call(r, 'ListIdentityProviders', {
        UserPoolId: id,
        MaxResults: this.pageSize,
        ...(token ? { NextToken: token } : {}),
      })
      const page = body['Providers'] as Array<{ ProviderName: string; ProviderType: string }>
      expect(page.length).toBeLessThanOrEqual(this.pageSize)
      for (const p of page) expect(p.ProviderType).toBe(providers.get(p.ProviderName)?.type)
      seen.push(...page.map((p) => p.ProviderName))
      token = body['NextToken'] as string | undefined
    } while (token)
    expect([...seen].sort()).toEqual([...providers.keys()].sort())
    for (const [name, p] of providers) {
      for (const identifier of p.identifiers) {
        const { body } = await call(r, 'GetIdentityProviderByIdentifier', { UserPoolId: id, IdpIdentifier: identifier })
        expect((body['IdentityProvider'] as { ProviderName: string }).ProviderName).toBe(name)
      }
    }
  }
  toString = () => `CheckProviders(${this.pool}, ${this.pageSize})`
}

/** Pages through the pools with ListUserPools: each once, none deleted. */
class CheckPools implements Command {
  constructor(readonly pageSize: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    const seen: string[] = []
    let token: string | undefined
    do {
      const { body } = await call(r, 'ListUserPools', {
        MaxResults: this.pageSize,
        ...(token ? { NextToken: token } : {}),
      })
      seen.push(...(body['UserPools'] as Array<{ Id: string }>).map((p) => p.Id))
      token = body['NextToken'] as string | undefined
    } while (token)
    expect(seen).toEqual(m.poolOrder)
  }
  toString = () => `CheckPools(${this.pageSize})`
}

const index = fc.nat({ max: 9 })
const name = fc.constantFrom(...NAMES)
const identifiers = fc.uniqueArray(fc.constantFrom(...IDENTIFIERS), { maxLength: 2 })
const commands = fc.commands(
  [
    fc.constant(new CreatePool()),
    index.map((i) => new DeletePool(i)),
    fc.tuple(index, name, identifiers).map(([p, n, ids]) => new CreateProvider(p, n, ids)),
    fc.tuple(index, name, identifiers).map(([p, n, ids]) => new UpdateProvider(p, n, ids)),
    fc.tuple(index, name).map(([p, n]) => new DeleteProvider(p, n)),
    fc.tuple(index, fc.integer({ min: 1, max: 3 })).map(([p, s]) => new CheckProviders(p, s)),
    fc.integer({ min: 1, max: 3 }).map((s) => new CheckPools(s)),
    fc
      .tuple(index, fc.uniqueArray(fc.constantFrom('COGNITO', ...NAMES), { maxLength: 2 }))
      .map(([p, n]) => new CreateClient(p, n)),
  ],
  { maxCommands: 40, size: 'max' },
)

describe('model-based: random sequences against a reference model', () => {
  it('keeps names and identifiers unique, pages through everything once, forgets what is deleted', async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const setup = () => ({
          model: { pools: new Map(), poolOrder: [] } as Model,
          real: { mock: createCognitoMock({ mode: 'simulation' }) },
        })
        await fc.asyncModelRun(setup, cmds)
      }),
      { numRuns: 150 },
    )
  })
})
