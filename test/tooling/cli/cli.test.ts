import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { service } from '../../../schemas/service.js'
import { SIMULATED_OPERATIONS } from '../../../src/core/simulation/index.js'
import { MODEL_PATH, ROOT } from '../../support/model.js'

const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(ROOT, 'dist/src/tooling/cli/main.js'), ...args], { encoding: 'utf8', input })

describe('cognito-idp-contract', () => {
  it('ops lists every operation of the model, marking the simulated ones', () => {
    const text = cli(['ops'])
    // A line per operation, the count, and where the fidelity page is.
    expect(text.stdout.trim().split('\n')).toHaveLength(service.operationCount + 2)
    expect(text.stdout.trim().split('\n').at(-1)).toContain('cognito-idp-contract/docs/fidelity.md')
    expect(text.stdout).toContain('* CreateIdentityProvider')
    expect(text.stdout).toContain('  AdminCreateUser')
    const json = JSON.parse(cli(['ops', '--json']).stdout) as Array<{
      name: string
      target: string
      input: string
      output: string
      errors: string[]
      simulated: boolean
    }>
    expect(json).toHaveLength(service.operationCount)
    expect(json.filter((o) => o.simulated).map((o) => o.name)).toEqual([...SIMULATED_OPERATIONS].sort())
    expect(json.find((o) => o.name === 'DescribeUserPool')).toMatchObject({
      simulated: true,
      target: 'AWSCognitoIdentityProviderService.DescribeUserPool',
      input: 'DescribeUserPoolRequest',
      output: 'DescribeUserPoolResponse',
    })
  })

  it("validate reads a file and exits 0 when valid, 1 with Cognito's message when not", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'))
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ UserPoolId: 'eu-west-1_AbC123' }))
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({}))
    expect(cli(['validate', 'DescribeUserPool', 'request', join(dir, 'ok.json')])).toMatchObject({
      status: 0,
      stdout: 'valid\n',
    })
    expect(cli(['validate', 'DescribeUserPool', 'request', join(dir, 'bad.json')])).toMatchObject({
      status: 1,
      stdout:
        "InvalidParameterException: 1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null\n",
    })
  })

  it('validate answers SerializationException for text that is not JSON', () => {
    expect(cli(['validate', 'DescribeUserPool', 'request', '-'], '{not json')).toMatchObject({
      status: 1,
      stdout: 'SerializationException: the input is not JSON\n',
    })
  })

  it('prints its version and help, and each command its own', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(cli(['--version'])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` })
    expect(cli(['--help'])).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('usage: cognito-idp-contract <command>'),
    })
    for (const command of ['serve', 'ops', 'validate', 'sample', 'changes']) {
      expect(cli([command, '--help']), command).toMatchObject({
        status: 0,
        stdout: expect.stringContaining(`usage: cognito-idp-contract ${command}`),
      })
    }
  })

  it.each([
    [
      ['serve', '--port', 'abc'],
      2,
      "cognito-idp-contract serve: --port takes a whole number from 0 to 65535, not 'abc'; see cognito-idp-contract serve --help",
    ],
    [
      ['serve', '--mode', 'stub'],
      2,
      "cognito-idp-contract serve: --mode is one of auto, simulation, generated, not 'stub'; see cognito-idp-contract serve --help",
    ],
    [
      ['serve', '--seed', '1.5'],
      2,
      "cognito-idp-contract serve: --seed takes a whole number, not '1.5'; see cognito-idp-contract serve --help",
    ],
    [
      ['serve', '--bogus'],
      2,
      "cognito-idp-contract serve: Unknown option '--bogus'; see cognito-idp-contract serve --help",
    ],
    [
      ['validate', 'DescribeUserPool', 'request', '/no/such/file.json'],
      2,
      'cognito-idp-contract validate: cannot read /no/such/file.json: no such file',
    ],
    [
      ['changes', '/no/such/old.json', '/no/such/new.json'],
      2,
      'cognito-idp-contract changes: cannot read /no/such/old.json: no such file',
    ],
    [
      ['frobnicate'],
      2,
      "cognito-idp-contract: unknown command 'frobnicate'; run cognito-idp-contract --help for the list",
    ],
    [
      ['--wrong-flag'],
      2,
      'cognito-idp-contract: --wrong-flag is an option, and options follow a command (e.g. cognito-idp-contract serve --port 9229); run cognito-idp-contract --help for the commands',
    ],
  ])('%j fails with one clear line on stderr', (args, status, line) => {
    const run = cli(args)
    expect({ status: run.status, stderr: run.stderr, stdout: run.stdout }).toEqual({
      status,
      stderr: `${line}\n`,
      stdout: '',
    })
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
  it.skipIf(!existsSync(history))(
    "prints the report, dated from the new model's file name, or JSON (needs the earlier models in ../shared/models/cognito-idp/history)",
    () => {
      const text = cli([
        'changes',
        join(history, 'service-2.2024-11-22.json'),
        join(history, 'service-2.2024-12-09.json'),
      ])
      expect(text.status).toBe(0)
      expect(text.stdout.split('\n')[0]).toBe('2024/12/09 - Amazon Cognito Identity Provider - 1 updated api methods')
      const json = JSON.parse(
        cli([
          'changes',
          join(history, 'service-2.2024-04-26.json'),
          join(history, 'service-2.2024-05-08.json'),
          '--json',
          '--date',
          '2024/05/09',
        ]).stdout,
      ) as { header: string; summary: { dangerous: number; bump: string } }
      expect(json.header).toBe('2024/05/09 - Amazon Cognito Identity Provider - 4 updated api methods')
      expect(json.summary).toMatchObject({ dangerous: 4, bump: 'minor' })
    },
  )

  it('refuses missing files and malformed dates with exit code 2', () => {
    expect(cli(['changes', '/nonexistent/a.json', '/nonexistent/b.json']).status).toBe(2)
    expect(cli(['changes', 'a.json', 'b.json', '--date', '2024-05-09']).status).toBe(2)
    expect(cli(['changes', 'a.json']).status).toBe(2)
  })
})
