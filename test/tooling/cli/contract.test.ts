import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, describe, expect, it } from 'vitest'
import { ContractRecorder } from '../../../src/core/contract/index.js'
import { HAS_HISTORY, HISTORY_DIR as HISTORY, ROOT } from '../../support/model.js'

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'dist/src/tooling/cli/main.js'), ...args], { encoding: 'utf8' })
const dir = mkdtempSync(join(tmpdir(), 'contract-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function contractFile(name: string, add: (r: ContractRecorder) => void): string {
  const recorder = new ContractRecorder({ consumer: 'web' })
  add(recorder)
  const file = join(dir, name)
  writeFileSync(file, JSON.stringify(recorder.contract()))
  return file
}

const usesTier = contractFile('tier.json', (r) =>
  r.add(
    'DescribeUserPool',
    { UserPoolId: 'us-east-1_a' },
    { UserPool: { Id: 'us-east-1_a', UserPoolTier: 'ESSENTIALS' } },
  ),
)
const listsUsers = contractFile('users.json', (r) =>
  r.add('ListUsers', { UserPoolId: 'us-east-1_a', Limit: 5 }, { Users: [] }),
)

describe('cognito-idp-contract contract', () => {
  it.skipIf(!HAS_HISTORY)(
    'check exits 0 against the package model and 1 against a model that breaks the consumer (needs the earlier models in ../shared/models/cognito-idp/history)',
    () => {
      const ok = cli('contract', 'check', usesTier)
      expect(ok.status).toBe(0)
      expect(ok.stdout).toMatch(/ - Amazon Cognito Identity Provider - no changed api methods used by web\n/)
      const broken = cli('contract', 'check', usesTier, '--model', join(HISTORY, 'service-2.2024-04-26.json'))
      expect(broken.status).toBe(1)
      expect(broken.stdout).toContain(`2024/04/26 - Amazon Cognito Identity Provider - 1 updated api methods used by web

DescribeUserPool (updated)
Changes (response)
Removed {'UserPool': {'UserPoolTier': 'LITE'|'ESSENTIALS'|'PLUS'}}`)
      const json = JSON.parse(
        cli('contract', 'check', usesTier, '--model', join(HISTORY, 'service-2.2024-04-26.json'), '--json').stdout,
      )
      expect(json.summary).toEqual({ breaking: 1, dangerous: 0 })
      expect(json.operations[0].response.removed).toEqual({ UserPool: { UserPoolTier: "'LITE'|'ESSENTIALS'|'PLUS'" } })
    },
  )

  it('--fail-on dangerous fails on a response enum that grew', () => {
    const model = JSON.parse(readFileSync(join(ROOT, 'generated/contract.json'), 'utf8'))
    model.shapes.UserPoolTierType.enum.push('ULTIMATE')
    const file = join(dir, 'grown.json')
    writeFileSync(file, JSON.stringify(model))
    expect(cli('contract', 'check', usesTier, '--model', file).status).toBe(0)
    const strict = cli('contract', 'check', usesTier, '--model', file, '--fail-on', 'dangerous')
    expect(strict.status).toBe(1)
    expect(strict.stdout).toContain(
      'dangerous DescribeUserPool response UserPool.UserPoolTier: added enum value ULTIMATE',
    )
  })

  it('merge joins contracts, to stdout or into --out', () => {
    const merged = JSON.parse(cli('contract', 'merge', usesTier, listsUsers).stdout)
    expect(Object.keys(merged.operations)).toEqual(['DescribeUserPool', 'ListUsers'])
    const out = join(dir, 'merged.json')
    expect(cli('contract', 'merge', usesTier, '--out', out).status).toBe(0)
    expect(cli('contract', 'merge', usesTier, '--out', out).status).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8')).operations.DescribeUserPool.calls).toBe(2)
  })

  it('says what is wrong in one line, exit 2', () => {
    const cases: Array<[string[], string]> = [
      [
        ['contract'],
        'cognito-idp-contract contract: expected check or merge; see cognito-idp-contract contract --help\n',
      ],
      [
        ['contract', 'check'],
        'cognito-idp-contract contract: expected one contract file; see cognito-idp-contract contract --help\n',
      ],
      [
        ['contract', 'check', join(dir, 'missing.json')],
        `cognito-idp-contract contract: cannot read ${join(dir, 'missing.json')}: no such file\n`,
      ],
      [
        ['contract', 'check', usesTier, '--fail-on', 'safe'],
        "cognito-idp-contract contract: --fail-on is one of breaking, dangerous, not 'safe'; see cognito-idp-contract contract --help\n",
      ],
      [
        ['contract', 'merge', join(ROOT, 'package.json')],
        `cognito-idp-contract contract: ${join(ROOT, 'package.json')} is not a consumer contract (its "format" is not "cognito-idp-contract/consumer")\n`,
      ],
    ]
    for (const [args, stderr] of cases) {
      const result = cli(...args)
      expect({ args, stderr: result.stderr, status: result.status }).toEqual({ args, stderr, status: 2 })
    }
  })
})

describe('cognito-idp-contract verify (command line)', () => {
  it('says what is wrong in one line, exit 2', () => {
    const cases: Array<[string[], string]> = [
      [['verify'], 'cognito-idp-contract verify: --endpoint is required; see cognito-idp-contract verify --help\n'],
      [
        ['verify', '--endpoint', 'https://cognito-idp.us-east-1.amazonaws.com/'],
        'cognito-idp-contract verify: cognito-idp.us-east-1.amazonaws.com is an AWS endpoint: verify creates and deletes user pools there; allow it with allowAws (--allow-aws)\n',
      ],
      [
        ['verify', '--endpoint', 'http://127.0.0.1:9/', '--operations', 'Nope'],
        'cognito-idp-contract verify: --operations names no operation of the contract: Nope; see cognito-idp-contract verify --help\n',
      ],
      [
        ['verify', '--endpoint', 'x', '--all', '--operations', 'ListUsers'],
        'cognito-idp-contract verify: --operations and --all do not go together; see cognito-idp-contract verify --help\n',
      ],
    ]
    for (const [args, stderr] of cases) {
      const result = cli(...args)
      expect({ args, stderr: result.stderr, status: result.status }).toEqual({ args, stderr, status: 2 })
    }
  })
})

describe('serve --contract', () => {
  it('records the clients, serves the contract live and writes it when stopped', async () => {
    const file = join(dir, 'served.json')
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'dist/src/tooling/cli/main.js'),
        'serve',
        '--port',
        '0',
        '--quiet',
        '--contract',
        file,
        '--consumer',
        'cli-app',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const url = await new Promise<string>((resolve) =>
      child.stdout.once('data', (d: Buffer) => resolve(/a local Cognito on (\S+)/.exec(d.toString())![1]!)),
    )
    const client = new CognitoIdentityProviderClient({
      endpoint: url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    })
    const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'app' }))
    await client.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! }))
    await fetch(new URL('/_cognito-idp-contract/reset', url), {
      method: 'POST',
      headers: { 'x-cognito-idp-contract': '1' },
    })
    await client.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! })).catch(() => undefined)
    const live = (await (await fetch(new URL('/_cognito-idp-contract/contract', url))).json()) as {
      operations: Record<string, { calls: number; errors: Record<string, number> }>
    }
    expect(live.operations['DescribeUserPool']).toMatchObject({ calls: 2, errors: { ResourceNotFoundException: 1 } })
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    const written = JSON.parse(readFileSync(file, 'utf8'))
    expect(written.consumer).toBe('cli-app')
    expect(Object.keys(written.operations)).toEqual(['CreateUserPool', 'DescribeUserPool'])
  })
})
