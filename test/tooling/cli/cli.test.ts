import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { service } from '../../../schemas/service.js'
import { SIMULATED_OPERATIONS } from '../../../src/core/simulation/index.js'
import { MODEL_PATH, ROOT } from '../../support/model.js'

const cli = (args: string[], input?: string) => spawnSync(process.execPath, [join(ROOT, 'dist/src/tooling/cli/main.js'), ...args], { encoding: 'utf8', input })

describe('cognito-idp-contract', () => {
  it('ops lists every operation of the model, marking the simulated ones', () => {
    const text = cli(['ops'])
    expect(text.stdout.trim().split('\n')).toHaveLength(service.operationCount + 1)
    expect(text.stdout).toContain("* CreateIdentityProvider")
    expect(text.stdout).toContain("  AdminCreateUser")
    const json = JSON.parse(cli(["ops", "--json"]).stdout) as Array<{ name: string; target: string; input: string; output: string; errors: string[]; simulated: boolean }>
    expect(json).toHaveLength(service.operationCount)
    expect(json.filter((o) => o.simulated).map((o) => o.name)).toEqual([...SIMULATED_OPERATIONS].sort())
    expect(json.find((o) => o.name === 'DescribeUserPool')).toMatchObject({ simulated: true, target: 'AWSCognitoIdentityProviderService.DescribeUserPool', input: 'DescribeUserPoolRequest', output: 'DescribeUserPoolResponse' })
  })

  it('validate reads a file and exits 0 when valid, 1 with Cognito\'s message when not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'))
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ UserPoolId: 'eu-west-1_AbC123' }))
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({}))
    expect(cli(['validate', 'DescribeUserPool', 'request', join(dir, 'ok.json')])).toMatchObject({ status: 0, stdout: 'valid\n' })
    expect(cli(['validate', 'DescribeUserPool', 'request', join(dir, 'bad.json')])).toMatchObject({
      status: 1,
      stdout: "InvalidParameterException: 1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null\n",
    })
  })

  it('validate answers SerializationException for text that is not JSON', () => {
    expect(cli(['validate', 'DescribeUserPool', 'request', '-'], '{not json')).toMatchObject({ status: 1, stdout: 'SerializationException: the input is not JSON\n' })
  })

  it('refuses unknown operations and sides with exit code 2', () => {
    expect(cli(['validate', 'NoSuchOperation', 'request', '-'], '{}').status).toBe(2)
    expect(cli(['validate', 'DescribeUserPool', 'both', '-'], '{}').status).toBe(2)
    expect(cli(['frobnicate']).status).toBe(2)
    expect(cli([]).stdout).toContain('usage: cognito-idp-contract')
  })
})

describe('cognito-idp-contract changes', () => {
  const history = join(MODEL_PATH, '../../history')
  it.skipIf(!existsSync(history))('prints the report, dated from the new model\'s file name, or JSON', () => {
    const text = cli(['changes', join(history, 'service-2.2024-11-22.json'), join(history, 'service-2.2024-12-09.json')])
    expect(text.status).toBe(0)
    expect(text.stdout.split('\n')[0]).toBe('2024/12/09 - Amazon Cognito Identity Provider - 1 updated api methods')
    const json = JSON.parse(cli(['changes', join(history, 'service-2.2024-04-26.json'), join(history, 'service-2.2024-05-08.json'), '--json', '--date', '2024/05/09']).stdout) as { header: string; summary: { dangerous: number; bump: string } }
    expect(json.header).toBe('2024/05/09 - Amazon Cognito Identity Provider - 4 updated api methods')
    expect(json.summary).toMatchObject({ dangerous: 4, bump: 'minor' })
  })

  it('refuses missing files and malformed dates with exit code 2', () => {
    expect(cli(['changes', '/nonexistent/a.json', '/nonexistent/b.json']).status).toBe(2)
    expect(cli(['changes', 'a.json', 'b.json', '--date', '2024-05-09']).status).toBe(2)
    expect(cli(['changes', 'a.json']).status).toBe(2)
  })
})
