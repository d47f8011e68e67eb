import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { changeReport, formatReport, reportJson } from '../../../src/tooling/changes/index.js'
import { loadModel, type ModelShape, type ServiceModel } from '../../../src/tooling/model/model.js'
import { HAS_MODEL, MODEL_PATH, model } from '../../support/model.js'

const HISTORY = resolve(MODEL_PATH, '../../history')
const SEED = resolve(MODEL_PATH, '../../../../seeds/000_430f37d0be9e66d1.txt')
const history = (date: string): ServiceModel => loadModel(resolve(HISTORY, `service-2.${date}.json`))
/** The report part of the text, without the verdicts that follow it. */
const reportPart = (text: string): string => text.slice(0, text.indexOf('\n\nVerdicts:'))

describe.skipIf(!HAS_MODEL)(
  'change reports between published versions (verified by reading both models) (needs the model in ../shared/models)',
  () => {
    it('2024-04-26 -> 2024-05-08: one enum value added, seen through four responses', () => {
      const report = changeReport(history('2024-04-26'), history('2024-05-08'), '2024/05/08')
      expect(reportPart(formatReport(report))).toBe(
        [
          '2024/05/08 - Amazon Cognito Identity Provider - 4 updated api methods',
          '',
          'AdminCreateUser (updated)',
          'Changes (response)',
          "{'User': {'UserStatus': {'EXTERNAL_PROVIDER'}}}",
          '',
          'AdminGetUser (updated)',
          'Changes (response)',
          "{'UserStatus': {'EXTERNAL_PROVIDER'}}",
          '',
          'ListUsers (updated)',
          'Changes (response)',
          "{'Users': {'UserStatus': {'EXTERNAL_PROVIDER'}}}",
          '',
          'ListUsersInGroup (updated)',
          'Changes (response)',
          "{'Users': {'UserStatus': {'EXTERNAL_PROVIDER'}}}",
        ].join('\n'),
      )
      expect(report.changes.map((c) => c.verdict)).toEqual(['dangerous', 'dangerous', 'dangerous', 'dangerous'])
      expect(report.bump).toBe('minor')
    })

    it('2024-09-12 -> 2024-11-22: ten new operations and new members', () => {
      const report = changeReport(history('2024-09-12'), history('2024-11-22'), '2024/11/22')
      const text = formatReport(report)
      expect(text.split('\n')[0]).toMatch(
        /^2024\/11\/22 - Amazon Cognito Identity Provider - 10 new \d+ updated api methods$/,
      )
      expect(report.operations.filter((o) => o.status === 'new').map((o) => o.name)).toEqual([
        'CompleteWebAuthnRegistration',
        'CreateManagedLoginBranding',
        'DeleteManagedLoginBranding',
        'DeleteWebAuthnCredential',
        'DescribeManagedLoginBranding',
        'DescribeManagedLoginBrandingByClient',
        'GetUserAuthFactors',
        'ListWebAuthnCredentials',
        'StartWebAuthnRegistration',
        'UpdateManagedLoginBranding',
      ])
      expect(text).toContain(
        "InitiateAuth (updated)\nChanges (request, response)\nRequest\n{'AuthFlow': {'USER_AUTH'}, 'Session': 'string'}",
      )
      expect(text).toMatch(
        /CreateUserPool \(updated\)\nChanges \(request, response\)\nRequest\n\{[^\n]*'UserPoolTier': 'LITE'\|'ESSENTIALS'\|'PLUS'/,
      )
    })

    it('2024-11-22 -> 2024-12-09: a request member no longer required (safe)', () => {
      const report = changeReport(history('2024-11-22'), history('2024-12-09'), '2024/12/09')
      expect(reportPart(formatReport(report))).toBe(
        [
          '2024/12/09 - Amazon Cognito Identity Provider - 1 updated api methods',
          '',
          'UpdateUserPoolDomain (updated)',
          'Changes (request)',
          "Changed {'CustomDomainConfig': {'required': 'True -> False'}}",
        ].join('\n'),
      )
      expect(report.changes).toEqual([
        {
          operation: 'UpdateUserPoolDomain',
          side: 'request',
          path: 'CustomDomainConfig',
          change: 'no longer required',
          verdict: 'safe',
          reason: 'requests may now leave it out',
        },
      ])
    })

    it('2026-07-17 -> 2026-07-24: a new operation, an enum value and a larger list', () => {
      const report = changeReport(history('2026-07-17'), history('2026-07-24'), '2026/07/24')
      const text = reportPart(formatReport(report))
      expect(text.split('\n\n').map((b) => b.split('\n')[0])).toEqual([
        '2026/07/24 - Amazon Cognito Identity Provider - 1 new 4 updated api methods',
        'AdminGetUserAuthFactors (new)',
        'CreateUserPool (updated)',
        'DescribeUserPool (updated)',
        'GetUserAuthFactors (updated)',
        'UpdateUserPool (updated)',
      ])
      expect(text).toContain(
        [
          'UpdateUserPool (updated)',
          'Changes (request)',
          "{'Policies': {'SignInPolicy': {'AllowedFirstAuthFactors': {'SOFTWARE_TOKEN'}}}}",
          "Changed {'Policies': {'SignInPolicy': {'AllowedFirstAuthFactors': {'max': '4 -> 5'}}}}",
        ].join('\n'),
      )
      expect(text).toContain(
        "AdminGetUserAuthFactors (new)\nChanges (request, response)\nRequest\n{'UserPoolId': 'string', 'Username': 'string'}\nResponse\n{'Username': 'string', 'PreferredMfaSetting': 'string', 'UserMFASettingList': ['string'], 'ConfiguredUserAuthFactors': ['PASSWORD'|'EMAIL_OTP'|'SMS_OTP'|'WEB_AUTHN'|'SOFTWARE_TOKEN']}",
      )
      expect(report.bump).toBe('minor')
    })

    it('a model compared with itself reports nothing', () => {
      const report = changeReport(model(), model(), '2026/07/24')
      expect(report.operations).toEqual([])
      expect(formatReport(report)).toBe(
        '2026/07/24 - Amazon Cognito Identity Provider - no changed api methods\n\nVerdicts: 0 breaking, 0 dangerous, 0 safe; suggested version bump: patch\n',
      )
    })

    it('swapping old and new turns additions into removals', () => {
      const report = changeReport(history('2026-07-24'), history('2026-07-17'), '2026/07/17')
      const text = formatReport(report)
      expect(text).toContain('AdminGetUserAuthFactors (removed)')
      expect(text).toContain(
        "GetUserAuthFactors (updated)\nChanges (response)\nRemoved {'ConfiguredUserAuthFactors': {'SOFTWARE_TOKEN'}}",
      )
      expect(report.bump).toBe('major')
    })
  },
)

/** Keeps the operations of the 2018-05-17 change and the shapes they reach. */
function seedModel(current: ServiceModel, edit: (shapes: Record<string, ModelShape>) => void): ServiceModel {
  const names = [
    'CreateIdentityProvider',
    'CreateUserPool',
    'DescribeIdentityProvider',
    'DescribeUserPool',
    'GetIdentityProviderByIdentifier',
    'ListIdentityProviders',
    'UpdateIdentityProvider',
  ]
  const shapes = JSON.parse(JSON.stringify(current.shapes)) as Record<string, ModelShape>
  edit(shapes)
  return {
    metadata: current.metadata,
    operations: Object.fromEntries(names.map((n) => [n, current.operations[n]!])),
    shapes,
  }
}

describe.skipIf(!HAS_MODEL || !existsSync(SEED))(
  'the seed document, reproduced (needs the model in ../shared/models, ../shared/seeds)',
  () => {
    it('matches the 2018-05-17 report line for line (documentation and anchors left out)', () => {
      const after = seedModel(model(), () => undefined)
      const before = seedModel(model(), (shapes) => {
        const type = shapes['IdentityProviderTypeType']!
        shapes['IdentityProviderTypeType'] = { ...type, enum: type.enum!.filter((v) => v !== 'OIDC') }
        const { Arn: _arn, ...members } = shapes['UserPoolType']!.members!
        shapes['UserPoolType'] = { ...shapes['UserPoolType']!, members }
      })
      // The seed was copied from a web page: its non-breaking spaces are ordinary ones in our text.
      const lines = readFileSync(SEED, 'utf8')
        .replaceAll('\u00a0', ' ')
        .split('\n')
        .map((l) => l.trim())
      const expected: string[] = []
      for (let i = 0; i < lines.length; i++) {
        if (/ - Amazon Cognito Identity Provider - /.test(lines[i]!)) expected.push(lines[i]!)
        const op = /^(\w+) \((updated|new)\) Link ¶$/.exec(lines[i]!)
        if (!op) continue
        expected.push('', `${op[1]} (${op[2]})`)
        for (let j = i + 1; j < lines.length && lines[j] !== ''; j++) expected.push(lines[j]!)
      }
      expect(expected.filter((l) => l.endsWith('(updated)'))).toHaveLength(7)
      const text = reportPart(formatReport(changeReport(before, after, '2018/05/17')))
      expect(text).toBe(expected.join('\n'))
    })
  },
)

describe('verdict rules, on a synthetic pair that exercises each', () => {
  const base = (): ServiceModel => ({
    metadata: {
      apiVersion: '2016-04-18',
      serviceFullName: 'Example Service',
      targetPrefix: 'X',
      protocol: 'json',
      endpointPrefix: 'x',
    },
    operations: {
      Op: { name: 'Op', input: { shape: 'In' }, output: { shape: 'Out' }, errors: [{ shape: 'OldError' }] },
      Gone: { name: 'Gone', input: { shape: 'In' } },
    },
    shapes: {
      In: {
        type: 'structure',
        required: ['Id', 'Loose'],
        members: {
          Id: { shape: 'Id' },
          Loose: { shape: 'S' },
          Dropped: { shape: 'S' },
          Mode: { shape: 'Mode' },
          Count: { shape: 'N' },
          Later: { shape: 'S' },
        },
      },
      Out: {
        type: 'structure',
        required: ['Kept'],
        members: {
          Kept: { shape: 'S' },
          Mode: { shape: 'Mode' },
          Old: { shape: 'S' },
          Items: { shape: 'List' },
          Size: { shape: 'N' },
        },
      },
      Id: { type: 'string', min: 1, max: 55, pattern: '[\\w-]+' },
      S: { type: 'string' },
      N: { type: 'integer', min: 1, max: 60 },
      Mode: { type: 'string', enum: ['A', 'B'] },
      List: { type: 'list', member: { shape: 'S' }, max: 10 },
      OldError: { type: 'structure', members: {}, exception: true },
      NewError: { type: 'structure', members: {}, exception: true },
    },
  })
  const before = base()
  const after = base() as { -readonly [K in keyof ServiceModel]: ServiceModel[K] }
  const shapes = after.shapes as Record<string, ModelShape>
  const ops = after.operations as Record<string, ServiceModel['operations'][string]>
  shapes['In'] = {
    type: 'structure',
    required: ['Id', 'Later', 'Added'],
    members: {
      Id: { shape: 'Id2' },
      Loose: { shape: 'S' },
      Mode: { shape: 'Mode2' },
      Count: { shape: 'N2' },
      Later: { shape: 'S' },
      Added: { shape: 'S' },
      Extra: { shape: 'S' },
    },
  }
  shapes['Out'] = {
    type: 'structure',
    members: {
      Kept: { shape: 'S' },
      Mode: { shape: 'Mode2' },
      Items: { shape: 'List2' },
      Size: { shape: 'S' },
      Fresh: { shape: 'S' },
    },
  }
  shapes['Id2'] = { type: 'string', min: 1, max: 40, pattern: '[\\w]+' }
  shapes['N2'] = { type: 'integer', min: 0, max: 60 }
  shapes['Mode2'] = { type: 'string', enum: ['B', 'C'] }
  shapes['List2'] = { type: 'list', member: { shape: 'S' }, max: 20 }
  ops['Op'] = { name: 'Op', input: { shape: 'In' }, output: { shape: 'Out' }, errors: [{ shape: 'NewError' }] }
  delete ops['Gone']
  ops['Fresh'] = { name: 'Fresh', input: { shape: 'In' } }
  const report = changeReport(before, after, '2026/01/01')
  const verdict = (side: string, path: string, change: string) =>
    report.changes.find((c) => c.side === side && c.path === path && c.change === change)?.verdict

  it.each([
    ['request', 'Added', 'added required member', 'breaking'],
    ['request', 'Extra', 'added optional member', 'safe'],
    ['request', 'Dropped', 'removed member', 'breaking'],
    ['request', 'Loose', 'no longer required', 'safe'],
    ['request', 'Later', 'now required', 'breaking'],
    ['request', 'Id', 'max 55 -> 40', 'breaking'],
    ['request', 'Id', 'pattern [\\w-]+ -> [\\w]+', 'dangerous'],
    ['request', 'Count', 'min 1 -> 0', 'safe'],
    ['request', 'Mode', 'added enum value C', 'safe'],
    ['request', 'Mode', 'removed enum value A', 'breaking'],
    ['response', 'Fresh', 'added optional member', 'safe'],
    ['response', 'Old', 'removed member', 'breaking'],
    ['response', 'Kept', 'no longer required', 'breaking'],
    ['response', 'Mode', 'added enum value C', 'dangerous'],
    ['response', 'Mode', 'removed enum value A', 'safe'],
    ['response', 'Items', 'max 10 -> 20', 'dangerous'],
    ['response', 'Size', "type 123 -> 'string'", 'breaking'],
    ['operation', '', 'new operation', 'safe'],
    ['operation', '', 'removed operation', 'breaking'],
    ['operation', '', 'added error NewError', 'dangerous'],
    ['operation', '', 'removed error OldError', 'safe'],
  ])('%s %s: %s is %s', (side, path, change, expected) => {
    expect(verdict(side, path, change)).toBe(expected)
  })

  it('suggests a major bump and lists every change in --json', () => {
    expect(report.bump).toBe('major')
    const json = reportJson(report) as {
      summary: { bump: string; breaking: number }
      operations: Array<{ name: string; status: string }>
    }
    expect(json.summary.bump).toBe('major')
    expect(json.operations.map((o) => `${o.name} (${o.status})`)).toEqual([
      'Fresh (new)',
      'Gone (removed)',
      'Op (updated)',
    ])
    expect(formatReport(report).split('\n')[0]).toBe(
      '2026/01/01 - Example Service - 1 new 1 updated 1 removed api methods',
    )
  })
})
