import {
  CognitoIdentityProviderClient,
  CreateTermsCommand,
  DeleteTermsCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolCommand,
  DescribeTermsByClientCommand,
  DescribeTermsCommand,
  ListTermsCommand,
  UpdateTermsCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { cognitoRequestHandler } from '../../../src/adapters/sdk/index.js'
import { Store } from '../../../src/core/simulation/engine/store.js'
import { termsLinksForClient } from '../../../src/core/simulation/resources/terms.js'
import { TABLES } from '../../../src/core/simulation/schema.js'
import { sdkClient } from '../../support/sdk.js'
import { world } from '../../support/world.js'

const POOL = 'us-east-1_TermsPool1'
const OTHER = 'us-east-1_TermsPool2'
const WEB = 'termsweb1'
const APP = 'termsapp1'
const w = world({
  userPools: [
    {
      PoolName: 'terms',
      Id: POOL,
      Clients: [
        { ClientName: 'web', ClientId: WEB },
        { ClientName: 'app', ClientId: APP },
      ],
    },
    { PoolName: 'other', Id: OTHER, Clients: [{ ClientName: 'other', ClientId: 'termsother1' }] },
  ],
})
afterEach(() => w.reset())
const sdk = sdkClient()

/** The simulation's state as a store (what the hosted pages read). */
function stored(): Store<typeof TABLES> {
  const store = new Store(TABLES, 1)
  store.restore(w.simulation.snapshot())
  return store
}

/** The tables of the partition the test's pools are in (us-east-1, the simulation's account). */
const partition = () => stored().partition(w.simulation.accountId, 'us-east-1').tables

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const TERMS = { 'cognito:default': 'https://example.com/terms', 'cognito:french': 'https://example.com/fr/conditions' }
const PRIVACY = { 'cognito:default': 'https://example.com/privacy' }

const create = (TermsName: string, Links: Record<string, string> = TERMS, ClientId = WEB) =>
  sdk.send(
    new CreateTermsCommand({ UserPoolId: POOL, ClientId, TermsName, TermsSource: 'LINK', Enforcement: 'NONE', Links }),
  )
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (e: Error) => ({ name: e.name, message: e.message }),
  )
const validation = (value: string, member: string, constraint: string) =>
  `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`

describe('CreateTerms', () => {
  it('returns the document with a version 4 TermsId, its links and dates', async () => {
    const { Terms } = await create('terms-of-use')
    expect(Terms).toMatchObject({
      UserPoolId: POOL,
      ClientId: WEB,
      TermsName: 'terms-of-use',
      TermsSource: 'LINK',
      Enforcement: 'NONE',
      Links: TERMS,
    })
    expect(Terms!.TermsId).toMatch(UUID_V4)
    expect(Terms!.CreationDate).toEqual(new Date(w.now()))
    expect(Terms!.LastModifiedDate).toEqual(Terms!.CreationDate)
  })

  it('refuses a second document of the same name on a client with TermsExistsException', async () => {
    await create('terms-of-use')
    expect(await failure(create('terms-of-use', PRIVACY))).toEqual({
      name: 'TermsExistsException',
      message: `Terms terms-of-use already exist for user pool client ${WEB}.`,
    })
  })

  it('takes the same name on another client', async () => {
    await create('terms-of-use')
    await expect(create('terms-of-use', TERMS, APP)).resolves.toMatchObject({ Terms: { ClientId: APP } })
  })

  it('refuses a client that is not in the pool', async () => {
    expect(await failure(create('terms-of-use', TERMS, 'termsother1'))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client termsother1 does not exist.',
    })
  })

  it('refuses a pool that does not exist', async () => {
    const input = { ClientId: WEB, TermsName: 'terms-of-use', TermsSource: 'LINK', Enforcement: 'NONE', Links: TERMS }
    expect(await w.failure('CreateTerms', { ...input, UserPoolId: 'us-east-1_Missing1' })).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Missing1 does not exist.',
    })
  })

  it('refuses a name other than terms-of-use and privacy-policy', async () => {
    expect(await failure(create('eula'))).toEqual({
      name: 'InvalidParameterException',
      message: validation(
        'eula',
        'termsName',
        'Member must satisfy regular expression pattern: ^(terms-of-use|privacy-policy)$',
      ),
    })
  })

  it('refuses a source other than LINK and an enforcement other than NONE', async () => {
    const input = { UserPoolId: POOL, ClientId: WEB, TermsName: 'terms-of-use', Links: TERMS }
    expect(await w.failure('CreateTerms', { ...input, TermsSource: 'FILE', Enforcement: 'NONE' })).toEqual({
      name: 'InvalidParameterException',
      message: validation('FILE', 'termsSource', 'Member must satisfy enum value set: [LINK]'),
    })
    expect(await w.failure('CreateTerms', { ...input, TermsSource: 'LINK', Enforcement: 'STRICT' })).toEqual({
      name: 'InvalidParameterException',
      message: validation('STRICT', 'enforcement', 'Member must satisfy enum value set: [NONE]'),
    })
  })

  it('refuses a language the model does not list', async () => {
    expect(await failure(create('terms-of-use', { 'cognito:klingon': 'https://example.com' }))).toEqual({
      name: 'InvalidParameterException',
      message: validation(
        '{cognito:klingon=https://example.com}',
        'links',
        'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ^cognito:(default|dutch|english|french|spanish|german|bahasa-indonesia|italian|japanese|korean|portuguese-brazil|chinese-(simplified|traditional))$]',
      ),
    })
  })

  it('refuses an empty Links map and a URL with a space', async () => {
    expect(await failure(create('terms-of-use', {}))).toEqual({
      name: 'InvalidParameterException',
      message: validation('{}', 'links', 'Member must have length greater than or equal to 1'),
    })
    expect((await failure(create('terms-of-use', { 'cognito:default': 'https://example.com/a b' }))).message).toContain(
      'Map value must satisfy constraint: [Member must have length less than or equal to 1024',
    )
  })

  it('refuses a link that is not an http or https URL (chosen), and a document without Links', async () => {
    expect(await failure(create('terms-of-use', { 'cognito:default': 'javascript:alert(1)' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'The link for cognito:default must be an http or https URL.',
    })
    const input = {
      UserPoolId: POOL,
      ClientId: WEB,
      TermsName: 'terms-of-use',
      TermsSource: 'LINK',
      Enforcement: 'NONE',
    }
    expect(await w.failure('CreateTerms', input)).toEqual({
      name: 'InvalidParameterException',
      message: 'Links must have at least one entry.',
    })
  })
})

describe('DescribeTerms and DescribeTermsByClient', () => {
  it('describe the document by id and by client and name', async () => {
    const { Terms } = await create('privacy-policy', PRIVACY)
    const byId = await sdk.send(new DescribeTermsCommand({ UserPoolId: POOL, TermsId: Terms!.TermsId }))
    const byClient = await sdk.send(
      new DescribeTermsByClientCommand({ UserPoolId: POOL, ClientId: WEB, TermsName: 'privacy-policy' }),
    )
    expect(byId.Terms).toEqual(Terms)
    expect(byClient.Terms).toEqual(Terms)
  })

  it('answer ResourceNotFoundException for an unknown id, one of another pool, and a name the client lacks', async () => {
    const { Terms } = await create('terms-of-use')
    const unknown = '123e4567-e89b-42d3-a456-426614174000'
    expect(await failure(sdk.send(new DescribeTermsCommand({ UserPoolId: POOL, TermsId: unknown })))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Terms ${unknown} does not exist.`,
    })
    expect(
      await failure(sdk.send(new DescribeTermsCommand({ UserPoolId: OTHER, TermsId: Terms!.TermsId }))),
    ).toMatchObject({ name: 'ResourceNotFoundException' })
    expect(
      await failure(
        sdk.send(new DescribeTermsByClientCommand({ UserPoolId: POOL, ClientId: WEB, TermsName: 'privacy-policy' })),
      ),
    ).toEqual({
      name: 'ResourceNotFoundException',
      message: `Terms privacy-policy do not exist for user pool client ${WEB}.`,
    })
  })

  it('refuse a TermsId that is not a version 4 UUID', async () => {
    expect(await w.failure('DescribeTerms', { UserPoolId: POOL, TermsId: 'abc' })).toEqual({
      name: 'InvalidParameterException',
      message: validation(
        'abc',
        'termsId',
        'Member must satisfy regular expression pattern: ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[4][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$',
      ),
    })
  })
})

describe('ListTerms', () => {
  it('pages through the pool documents in creation order, without clients and links', async () => {
    const made = [
      (await create('terms-of-use')).Terms!,
      (await create('privacy-policy', PRIVACY)).Terms!,
      (await create('terms-of-use', TERMS, APP)).Terms!,
    ]
    const first = await sdk.send(new ListTermsCommand({ UserPoolId: POOL, MaxResults: 2 }))
    expect(first.Terms).toEqual(
      made.slice(0, 2).map((t) => ({
        TermsId: t.TermsId,
        TermsName: t.TermsName,
        Enforcement: 'NONE',
        CreationDate: t.CreationDate,
        LastModifiedDate: t.LastModifiedDate,
      })),
    )
    expect(first.NextToken).toBeDefined()
    const second = await sdk.send(new ListTermsCommand({ UserPoolId: POOL, MaxResults: 2, NextToken: first.NextToken }))
    expect(second.Terms!.map((t) => t.TermsId)).toEqual([made[2]!.TermsId])
    expect(second.NextToken).toBeUndefined()
  })

  it('lists nothing for a pool without terms, and only the pool own', async () => {
    await create('terms-of-use')
    expect(await sdk.send(new ListTermsCommand({ UserPoolId: OTHER }))).toMatchObject({ Terms: [] })
  })

  it('refuses a MaxResults past 60 and a token it did not give', async () => {
    expect(await w.failure('ListTerms', { UserPoolId: POOL, MaxResults: 61 })).toEqual({
      name: 'InvalidParameterException',
      message: validation('61', 'maxResults', 'Member must have value less than or equal to 60'),
    })
    expect(await w.failure('ListTerms', { UserPoolId: POOL, NextToken: 'not-a-token' })).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid pagination token.',
    })
  })
})

describe('UpdateTerms', () => {
  it('replaces the links given, keeps the rest and moves LastModifiedDate', async () => {
    const { Terms } = await create('terms-of-use')
    w.advance(60)
    const { Terms: updated } = await sdk.send(
      new UpdateTermsCommand({ UserPoolId: POOL, TermsId: Terms!.TermsId, Links: PRIVACY }),
    )
    expect(updated).toEqual({ ...Terms, Links: PRIVACY, LastModifiedDate: new Date(w.now()) })
    expect((await sdk.send(new DescribeTermsCommand({ UserPoolId: POOL, TermsId: Terms!.TermsId }))).Terms).toEqual(
      updated,
    )
  })

  it('renames a document, unless the client already has one of that name', async () => {
    const { Terms } = await create('terms-of-use')
    const renamed = await sdk.send(
      new UpdateTermsCommand({ UserPoolId: POOL, TermsId: Terms!.TermsId, TermsName: 'privacy-policy' }),
    )
    expect(renamed.Terms!.TermsName).toBe('privacy-policy')
    await create('terms-of-use')
    expect(
      await failure(
        sdk.send(new UpdateTermsCommand({ UserPoolId: POOL, TermsId: Terms!.TermsId, TermsName: 'terms-of-use' })),
      ),
    ).toEqual({
      name: 'TermsExistsException',
      message: `Terms terms-of-use already exist for user pool client ${WEB}.`,
    })
  })

  it('leaves the document unchanged when it refuses links', async () => {
    const { Terms } = await create('terms-of-use')
    const update = (Links: Record<string, string>) =>
      failure(sdk.send(new UpdateTermsCommand({ UserPoolId: POOL, TermsId: Terms!.TermsId, Links })))
    expect((await update({ 'cognito:default': 'ftp://example.com' })).name).toBe('InvalidParameterException')
    expect((await update({ 'cognito:elvish': 'https://example.com' })).name).toBe('InvalidParameterException')
    expect((await sdk.send(new DescribeTermsCommand({ UserPoolId: POOL, TermsId: Terms!.TermsId }))).Terms).toEqual(
      Terms,
    )
  })

  it('answers ResourceNotFoundException for an unknown id', async () => {
    const unknown = '123e4567-e89b-42d3-a456-426614174000'
    expect(
      await failure(sdk.send(new UpdateTermsCommand({ UserPoolId: POOL, TermsId: unknown, Links: TERMS }))),
    ).toEqual({
      name: 'ResourceNotFoundException',
      message: `Terms ${unknown} does not exist.`,
    })
  })
})

describe('DeleteTerms and what deletes terms', () => {
  it('deletes a document, after which it is not found and its name is free again', async () => {
    const { Terms } = await create('terms-of-use')
    expect(await sdk.send(new DeleteTermsCommand({ UserPoolId: POOL, TermsId: Terms!.TermsId }))).toMatchObject({})
    expect(
      await failure(sdk.send(new DeleteTermsCommand({ UserPoolId: POOL, TermsId: Terms!.TermsId }))),
    ).toMatchObject({ name: 'ResourceNotFoundException' })
    await expect(create('terms-of-use')).resolves.toBeDefined()
  })

  it('deleting the client deletes its terms, and the other clients keep theirs', async () => {
    await create('terms-of-use')
    const kept = (await create('terms-of-use', TERMS, APP)).Terms!
    await sdk.send(new DeleteUserPoolClientCommand({ UserPoolId: POOL, ClientId: WEB }))
    const listed = await sdk.send(new ListTermsCommand({ UserPoolId: POOL }))
    expect(listed.Terms!.map((t) => t.TermsId)).toEqual([kept.TermsId])
  })

  it('deleting the pool deletes its terms', async () => {
    const { Terms } = await create('terms-of-use')
    await sdk.send(new DeleteUserPoolCommand({ UserPoolId: POOL }))
    expect(
      stored()
        .occupied()
        .some((p) => p.tables.terms.has(Terms!.TermsId!)),
    ).toBe(false)
  })
})

describe('termsLinksForClient', () => {
  const links = (language?: string) => termsLinksForClient(partition(), POOL, WEB, language)

  it('shows nothing until both documents exist', async () => {
    await create('terms-of-use')
    expect(links()).toEqual([])
  })

  it('shows both documents in the user language, else cognito:default', async () => {
    await create('terms-of-use')
    await create('privacy-policy', PRIVACY)
    expect(links()).toEqual([
      { name: 'terms-of-use', url: 'https://example.com/terms' },
      { name: 'privacy-policy', url: 'https://example.com/privacy' },
    ])
    for (const language of ['fr', 'fr-CA', 'french', 'cognito:french'])
      expect(links(language)[0]).toEqual({ name: 'terms-of-use', url: 'https://example.com/fr/conditions' })
    expect(links('ja')[0]).toEqual({ name: 'terms-of-use', url: 'https://example.com/terms' })
  })

  it('shows nothing when one document has no link for the language nor a default', async () => {
    await create('terms-of-use', { 'cognito:french': 'https://example.com/fr' })
    await create('privacy-policy', PRIVACY)
    expect(links('fr')).toHaveLength(2)
    expect(links('en')).toEqual([])
  })

  it('shows nothing for a client of another pool', async () => {
    await create('terms-of-use')
    await create('privacy-policy', PRIVACY)
    expect(termsLinksForClient(partition(), OTHER, WEB)).toEqual([])
  })
})

describe('TermsId', () => {
  /** The TermsId of a first document in a fresh mock with seed 7. */
  const firstId = async (reproducibleSecrets: boolean) => {
    const handler = cognitoRequestHandler({
      seed: 7,
      reproducibleSecrets,
      fixtures: { userPools: [{ PoolName: 'p', Id: POOL, Clients: [{ ClientName: 'web', ClientId: WEB }] }] },
    })
    const client = new CognitoIdentityProviderClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 1,
      requestHandler: handler as never,
    })
    const input = { UserPoolId: POOL, ClientId: WEB, TermsSource: 'LINK', Enforcement: 'NONE', Links: TERMS } as const
    return (await client.send(new CreateTermsCommand({ ...input, TermsName: 'terms-of-use' }))).Terms!.TermsId!
  }

  it('is drawn from a CSPRNG: the same seed gives different ids', async () => {
    const [a, b] = [await firstId(false), await firstId(false)]
    expect(a).toMatch(UUID_V4)
    expect(a).not.toBe(b)
  })

  it('is the same for the same seed when reproducible secrets are asked for', async () => {
    const a = await firstId(true)
    expect(a).toMatch(UUID_V4)
    expect(await firstId(true)).toBe(a)
  })
})
