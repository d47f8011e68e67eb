import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitrary, REGIONS, requestArbitrary, responseArbitrary, sample } from '../../../src/core/arbitraries/index.js'

const SEED = 7
const draw = <T>(arb: fc.Arbitrary<T>, runs = 200): T[] => fc.sample(arb, { seed: SEED, numRuns: runs })
const POOL_ID = new RegExp(`^(${REGIONS.join('|')})_[A-Za-z0-9]{9}$`)

describe('realistic by default', () => {
  it('user pool ids are <region>_<9 alphanumerics>', () => {
    for (const id of draw(arbitrary('UserPoolIdType'))) expect(id).toMatch(POOL_ID)
  })

  it('app client ids are 26 lowercase alphanumerics', () => {
    for (const id of draw(arbitrary('ClientIdType'))) expect(id).toMatch(/^[a-z0-9]{26}$/)
  })

  it('every character of an app client id is spread evenly over its alphabet, at every position', () => {
    const ids = draw(arbitrary('ClientIdType'), 3_600) as string[]
    for (const position of [0, 4, 5, 25]) {
      const counts = new Map<string, number>()
      for (const id of ids) counts.set(id[position]!, (counts.get(id[position]!) ?? 0) + 1)
      // 36 characters, 100 expected each: all appear, none at twice or half its share.
      expect(counts.size).toBe(36)
      for (const n of counts.values()) expect(n > 50 && n < 200).toBe(true)
    }
  })

  it('text shaped by a pattern draws ASCII about nine characters in ten, each allowed character evenly', () => {
    const text = [...(draw(arbitrary('EmailNotificationSubjectType'), 2_000) as string[]).join('')]
    const ascii = text.filter((c) => c >= ' ' && c <= '~')
    const share = 1 - ascii.length / text.length
    expect(share > 0.05 && share < 0.15).toBe(true)
    const counts = new Map<string, number>()
    for (const c of ascii) counts.set(c, (counts.get(c) ?? 0) + 1)
    // The subject's class allows all 95 printable ASCII characters: each appears, none at twice or half its share.
    expect(counts.size).toBe(95)
    const expected = ascii.length / 95
    for (const n of counts.values()) expect(n > expected / 2 && n < expected * 2).toBe(true)
  })

  it('free text stays within ASCII words where unicode is off', () => {
    const text = (draw(arbitrary('StringType', { unicode: false }), 500) as string[]).join('')
    expect(text).toMatch(/^[a-z0-9 ._-]*$/)
  })

  it('a user pool ARN names the pool id and region of the same response, with a 12-digit account', () => {
    for (const { UserPool } of draw(responseArbitrary('DescribeUserPool', { presence: 'full' }))) {
      const id = UserPool!.Id!
      expect(id).toMatch(POOL_ID)
      expect(UserPool!.Arn).toBe(
        `arn:aws:cognito-idp:${id.split('_')[0]}:${UserPool!.Arn!.split(':')[4]}:userpool/${id}`,
      )
      expect(UserPool!.Arn!.split(':')[4]).toMatch(/^[1-9][0-9]{11}$/)
    }
  })

  it('one value uses one region and one account throughout', () => {
    for (const { UserPool } of draw(responseArbitrary('DescribeUserPool', { presence: 'full' }), 50)) {
      const region = UserPool!.Id!.split('_')[0]
      const account = UserPool!.Arn!.split(':')[4]
      for (const trigger of Object.values(UserPool!.LambdaConfig ?? {})) {
        if (typeof trigger === 'string')
          expect(trigger).toMatch(new RegExp(`^arn:aws:lambda:${region}:${account}:function:`))
      }
    }
  })

  it('attributes: sub is a UUID v4, email an address, phone_number E.164', () => {
    const seen = new Set<string>()
    for (const { Name, Value } of draw(arbitrary('AttributeType', { presence: 'full' }), 400)) {
      seen.add(Name)
      if (Name === 'sub') expect(Value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      if (Name === 'email') expect(Value).toMatch(/^[^@\s]+@example\.(com|org|net)$|@mail\.example\.com$/)
      if (Name === 'phone_number') expect(Value).toMatch(/^\+[1-9]\d{1,14}$/)
    }
    expect([...seen]).toEqual(expect.arrayContaining(['sub', 'email', 'phone_number']))
  })

  it('dates fall between the API release and today, creation before modification', () => {
    for (const { IdentityProvider: p } of draw(responseArbitrary('DescribeIdentityProvider', { presence: 'full' }))) {
      for (const d of [p.CreationDate!, p.LastModifiedDate!]) expect(d).toBeGreaterThanOrEqual(1_460_937_600)
      expect(p.CreationDate!).toBeLessThanOrEqual(p.LastModifiedDate!)
    }
  })

  it('identity providers carry the ProviderDetails keys of their type', () => {
    const expected: Record<string, string[][]> = {
      OIDC: [['attributes_request_method', 'authorize_scopes', 'client_id', 'client_secret', 'oidc_issuer']],
      SAML: [['IDPSignout', 'MetadataURL'], ['MetadataFile']],
      Google: [['authorize_scopes', 'client_id', 'client_secret']],
      Facebook: [['api_version', 'authorize_scopes', 'client_id', 'client_secret']],
      LoginWithAmazon: [['authorize_scopes', 'client_id', 'client_secret']],
      SignInWithApple: [['authorize_scopes', 'client_id', 'key_id', 'private_key', 'team_id']],
    }
    const types = new Set<string>()
    for (const request of draw(requestArbitrary('CreateIdentityProvider'), 300)) {
      types.add(request.ProviderType)
      expect(expected[request.ProviderType]).toContainEqual(Object.keys(request.ProviderDetails).sort())
      if (!['SAML', 'OIDC'].includes(request.ProviderType)) expect(request.ProviderName).toBe(request.ProviderType)
    }
    expect([...types].sort()).toEqual(Object.keys(expected).sort())
  })

  it('region and account can be fixed', () => {
    const [value] = sample('DescribeUserPool', {
      seed: 1,
      presence: 'full',
      region: 'eu-central-1',
      accountId: '111122223333',
    }) as Array<{ UserPool: { Id: string; Arn: string } }>
    expect(value!.UserPool.Id).toMatch(/^eu-central-1_[A-Za-z0-9]{9}$/)
    expect(value!.UserPool.Arn).toBe(`arn:aws:cognito-idp:eu-central-1:111122223333:userpool/${value!.UserPool.Id}`)
  })
})
