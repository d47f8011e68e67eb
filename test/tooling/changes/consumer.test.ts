import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readContract } from '../../../src/core/contract/file.js'
import type { ConsumerContract } from '../../../src/core/contract/types.js'
import { checkContract, formatConsumerReport } from '../../../src/tooling/changes/consumer.js'
import { loadModel, type ModelShape, type ServiceModel } from '../../../src/tooling/model/model.js'
import { HAS_HISTORY, HISTORY_DIR as HISTORY, ROOT } from '../../support/model.js'
import { tsExamples } from '../../support/readme.js'

const dir = join(ROOT, '.tmp', `consumer-${process.pid}`)
let contract: ConsumerContract

/** The README's 2018-05-17 example, run as written but recording its traffic into a contract file. */
beforeAll(() => {
  const example = tsExamples().find((e) => e.code.includes('CreateIdentityProviderCommand'))!
  const code = example.code.replace(
    'setupCognitoServer()',
    "setupCognitoServer({ contract: { consumer: 'readme-2018-05-17', file: process.env.CONTRACT_FILE! } })",
  )
  expect(code).not.toBe(example.code)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'scenario.ts'), `export {}\n${code}`)
  const file = join(dir, 'cognito-contract.json')
  execFileSync(process.execPath, ['--import', 'tsx', join(dir, 'scenario.ts')], {
    cwd: ROOT,
    env: { ...process.env, CONTRACT_FILE: file },
    stdio: 'pipe',
  })
  contract = readContract(file)
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const history = (date: string) => loadModel(join(HISTORY, `service-2.${date}.json`))

/** A copy of a model with one shape changed. */
function withShape(model: ServiceModel, name: string, change: (shape: ModelShape) => ModelShape): ServiceModel {
  return { ...model, shapes: { ...model.shapes, [name]: change(model.shapes[name]!) } }
}

const current = () => loadModel(join(ROOT, 'generated/contract.json'))

describe('a consumer contract recorded from the README scenario', () => {
  it('holds the operations, members and enum values the scenario used', () => {
    expect(Object.keys(contract.operations)).toEqual([
      'CreateIdentityProvider',
      'CreateUserPool',
      'DeleteIdentityProvider',
      'DescribeIdentityProvider',
      'GetIdentityProviderByIdentifier',
      'ListIdentityProviders',
      'UpdateIdentityProvider',
    ])
    expect(contract.consumer).toBe('readme-2018-05-17')
    expect(contract.operations['DescribeIdentityProvider']!.calls).toBe(2)
    expect(contract.operations['DescribeIdentityProvider']!.errors).toEqual({ ResourceNotFoundException: 1 })
    expect(contract.operations['CreateIdentityProvider']!.request['ProviderType']).toMatchObject({
      kind: 'enum',
      values: ['OIDC'],
      count: 1,
      required: true,
    })
    expect(contract.operations['CreateUserPool']!.response['UserPool.Arn']).toMatchObject({ kind: 'string', count: 1 })
    expect(contract.operations['CreateIdentityProvider']!.request['ProviderDetails{}']!.samples).toContain(
      'https://example.okta.com',
    )
  })

  it.skipIf(!HAS_HISTORY)(
    'against each published model: only the 2024-11-22 additions it received break it, before that date (needs the earlier models in ../shared/models/cognito-idp/history)',
    () => {
      const verdicts = Object.fromEntries(
        [
          '2024-04-26',
          '2024-05-08',
          '2024-09-12',
          '2024-11-22',
          '2024-12-09',
          '2026-07-17',
          '2026-07-24',
          '2026-10-01',
        ].map((date) => [
          date,
          checkContract(contract, history(date), date).changes.map((c) => `${c.verdict} ${c.operation} ${c.path}`),
        ]),
      )
      const before = [
        'breaking CreateUserPool UserPool.Policies.SignInPolicy',
        'breaking CreateUserPool UserPool.UserPoolTier',
      ]
      expect(verdicts).toEqual({
        '2024-04-26': before,
        '2024-05-08': before,
        '2024-09-12': before,
        '2024-11-22': [],
        '2024-12-09': [],
        '2026-07-17': [],
        '2026-07-24': [],
        '2026-10-01': [],
      })
    },
  )

  it.skipIf(!HAS_HISTORY)(
    'writes the report in the change pages notation (needs the earlier models in ../shared/models/cognito-idp/history)',
    () => {
      expect(formatConsumerReport(checkContract(contract, history('2024-09-12'), '2024/09/12'))).toBe(
        `2024/09/12 - Amazon Cognito Identity Provider - 1 updated api methods used by readme-2018-05-17

CreateUserPool (updated)
Changes (response)
Removed {'UserPool': {'Policies': {'SignInPolicy': {...}}, 'UserPoolTier': 'LITE'|'ESSENTIALS'|'PLUS'}}

Verdicts for this consumer: 2 breaking, 0 dangerous
breaking  CreateUserPool response UserPool.Policies.SignInPolicy: removed member (the consumer receives it and would no longer get it)
breaking  CreateUserPool response UserPool.UserPoolTier: removed member (the consumer receives it and would no longer get it)
`,
      )
    },
  )

  it('a model that removes a member the scenario received breaks it; one that removes a member it never touched does not', () => {
    const touched = withShape(current(), 'IdentityProviderType', (s) => {
      const { ProviderType: _gone, ...members } = s.members!
      return { ...s, members }
    })
    expect(
      checkContract(contract, touched, 'x').changes.map((c) => `${c.verdict} ${c.operation} ${c.side} ${c.path}`),
    ).toEqual([
      'breaking CreateIdentityProvider response IdentityProvider.ProviderType',
      'breaking DescribeIdentityProvider response IdentityProvider.ProviderType',
      'breaking GetIdentityProviderByIdentifier response IdentityProvider.ProviderType',
      'breaking UpdateIdentityProvider response IdentityProvider.ProviderType',
    ])
    const untouched = withShape(current(), 'AdminGetUserResponse', (s) => {
      const { MFAOptions: _gone, ...members } = s.members!
      return { ...s, members }
    })
    expect(checkContract(contract, untouched, 'x').changes).toEqual([])
  })

  it('a dropped enum value it sends, a new required member it does not send and a removed operation break it', () => {
    let model = withShape(current(), 'IdentityProviderTypeType', (s) => ({
      ...s,
      enum: s.enum!.filter((v) => v !== 'OIDC'),
    }))
    model = withShape(model, 'DescribeIdentityProviderRequest', (s) => ({
      ...s,
      members: { ...s.members, Tenant: { shape: 'StringType' } },
      required: [...(s.required ?? []), 'Tenant'],
    }))
    const { ListIdentityProviders: _gone, ...operations } = model.operations
    model = { ...model, operations }
    const changes = checkContract(contract, model, 'x').changes
    expect(
      changes.filter((c) => c.verdict === 'breaking').map((c) => `${c.operation} ${c.path}: ${c.change} (${c.reason})`),
    ).toEqual([
      "CreateIdentityProvider ProviderType: removed enum value OIDC (the consumer sends 'OIDC', which the model no longer allows)",
      'DescribeIdentityProvider Tenant: added required member (a new required member, and the consumer does not send it)',
      'ListIdentityProviders : removed operation (the consumer made 1 call to it)',
    ])
    // Responses that may now carry a value the consumer never saw are only dangerous.
    expect(changes.filter((c) => c.verdict === 'dangerous').map((c) => c.path)).toEqual([])
  })

  it('a tightened bound breaks it only when a value it sent no longer fits', () => {
    const tight = (max: number) => withShape(current(), 'ProviderNameTypeV2', (s) => ({ ...s, max }))
    const broken = checkContract(contract, tight(3), 'x').changes.filter((c) => c.path === 'ProviderName')
    expect(broken.map((c) => [c.operation, c.verdict, c.change, c.reason])).toContainEqual([
      'CreateIdentityProvider',
      'breaking',
      'max 32 -> 3',
      'the max bound was tightened and the consumer sent 4 characters',
    ])
    const fits = checkContract(contract, tight(10), 'x').changes.filter((c) => c.path === 'ProviderName')
    expect(new Set(fits.map((c) => c.verdict))).toEqual(new Set(['dangerous']))
  })

  it('a pattern its recorded values break is breaking; new values in a response enum it reads are dangerous', () => {
    let model = withShape(current(), 'ProviderNameTypeV2', (s) => ({ ...s, pattern: '[a-z]+' }))
    model = withShape(model, 'IdentityProviderTypeType', (s) => ({ ...s, enum: [...s.enum!, 'Passkey'] }))
    const changes = checkContract(contract, model, 'x').changes
    expect(changes.find((c) => c.operation === 'CreateIdentityProvider' && c.path === 'ProviderName')).toMatchObject({
      verdict: 'breaking',
      reason: "the pattern changed and the consumer sent 'Okta', which does not fit it",
    })
    expect(
      changes.find((c) => c.operation === 'DescribeIdentityProvider' && c.path === 'IdentityProvider.ProviderType'),
    ).toMatchObject({ verdict: 'dangerous', change: 'added enum value Passkey' })
  })
})
