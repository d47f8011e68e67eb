import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type OperationResult, type VerifyReport, verifyProvider } from '../../../src/adapters/testing/index.js'
import { COGNITO_LOCAL, installCognitoLocal, startProcess } from '../../support/cognito-local.js'

// CI reaches the npm registry, so there cognito-local always installs; elsewhere the suite says why it is skipped.
const bin = installCognitoLocal()
if (!bin && process.env.REQUIRE_BROWSER === '1') throw new Error(`npm could not install ${COGNITO_LOCAL}`)

let child: ChildProcess | undefined
let report: VerifyReport
const work = mkdtempSync(join(tmpdir(), 'cognito-local-'))
const result = (operation: string): OperationResult => report.operations.find((r) => r.operation === operation)!
const messages = (operation: string): string[] => result(operation).deviations.map((d) => `${d.rule}: ${d.message}`)

beforeAll(async () => {
  if (!bin) return
  const started = await startProcess([bin], work, { PORT: '0', HOST: '127.0.0.1' })
  child = started.child
  report = await verifyProvider({ endpoint: `${started.url}/`, seed: 0 })
}, 120_000)
afterAll(() => {
  child?.kill('SIGKILL')
  rmSync(work, { recursive: true, force: true })
})

describe.skipIf(!bin)(`verify against ${COGNITO_LOCAL} (needs cognito-local installed by the bench)`, () => {
  it('reports every operation without crashing, and cleans up', () => {
    expect(report.operations).toHaveLength(132)
    const { conforming, deviating, unsupported } = report.summary
    expect(conforming + deviating + unsupported).toBe(132)
    expect(deviating).toBeGreaterThan(30)
    expect(unsupported).toBeGreaterThan(50)
    expect(report.cleanup.failed).toEqual([])
  })

  it('does not implement the OIDC providers of the 2018-05-17 change', () => {
    for (const op of ['CreateIdentityProvider', 'DescribeIdentityProvider', 'GetIdentityProviderByIdentifier'])
      expect(result(op)).toMatchObject({
        status: 'unsupported',
        note: `Cognito Local unsupported feature: Unsupported x-amz-target header "${op}"`,
      })
  })

  it('answers pool ARNs in a region and account named "local", which break the ARN pattern', () => {
    expect(messages('CreateUserPool')[0]).toMatch(
      /^response-schema: the CreateUserPool response does not validate: 2 validation errors detected: Value 'arn:aws:cognito-idp:local:local:userpool\/local_\w+' at 'userPool.arn' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
    )
  })

  it('looks resources up before validating requests (Cognito validates first)', () => {
    expect(messages('AdminGetUser')).toContain(
      'validation-error: a request that breaks required at userPoolId got ResourceNotFoundException, not InvalidParameterException',
    )
  })

  it('answers validation errors with "Invalid parameter" instead of Cognito\'s message', () => {
    expect(messages('GetUser')).toContain(
      `validation-message: expected "1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null", got "Invalid parameter" (not in Cognito's format)`,
    )
  })

  it('ignores MaxResults when listing pools', () => {
    expect(
      messages('ListUserPools').some((m) => /^pagination: a page of \d+ UserPools where MaxResults was 2$/.test(m)),
    ).toBe(true)
  })

  it('stores a group precedence below the minimum and returns it', () => {
    expect(messages('CreateGroup')).toContain('invalid-accepted: accepted a request that breaks minimum at precedence')
    expect(messages('GetGroup').some((m) => /Value '-\d+' at 'group\.precedence'/.test(m))).toBe(true)
  })

  it('fails RevokeToken with an error the operation does not model', () => {
    expect(
      messages('RevokeToken').some((m) =>
        /^unmodelled-error: RevokeToken does not model ResourceNotFoundException \(App Client \w+ not found\)$/.test(m),
      ),
    ).toBe(true)
  })
})
