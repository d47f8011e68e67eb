import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CognitoIdentityProviderClient, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCognitoServer } from '../../../src/adapters/server/index.js'
import { ROOT } from '../../support/model.js'

const serve = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'dist/src/tooling/cli/main.js'), 'serve', ...args], {
    encoding: 'utf8',
    timeout: 20_000,
  })

const dir = mkdtempSync(join(tmpdir(), 'cognito-serve-'))
const busy = createServer()
let busyPort = 0
beforeAll(async () => {
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
  busyPort = (busy.address() as { port: number }).port
})
afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())))

/** One line on stderr, nothing on stdout, exit code 2. */
const refusal = (result: ReturnType<typeof serve>) => {
  expect(result.status).toBe(2)
  expect(result.stdout).toBe('')
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
  return result.stderr.trimEnd()
}

describe('cognito-idp-contract serve mistakes', () => {
  it('a port in use', () => {
    expect(refusal(serve('--port', String(busyPort)))).toBe(
      `cognito-idp-contract serve: port ${busyPort} on 127.0.0.1 is in use; pick another with --port`,
    )
  })

  it('a port that is not one', () => {
    expect(refusal(serve('--port', 'abc'))).toBe(
      "cognito-idp-contract serve: --port takes a whole number from 0 to 65535, not 'abc'; see cognito-idp-contract serve --help",
    )
    expect(refusal(serve('--port', '70000'))).toMatch(/not '70000'/)
  })

  it('a seed or mode it does not know', () => {
    expect(refusal(serve('--seed', 'x'))).toBe(
      "cognito-idp-contract serve: --seed takes a whole number, not 'x'; see cognito-idp-contract serve --help",
    )
    expect(refusal(serve('--mode', 'fast'))).toBe(
      "cognito-idp-contract serve: --mode is one of auto, simulation, generated, not 'fast'; see cognito-idp-contract serve --help",
    )
    expect(refusal(serve('--bogus'))).toMatch(/Unknown option '--bogus'/)
  })

  it('a fixtures file that is missing, not JSON, or that Cognito would refuse', () => {
    expect(refusal(serve('--port', '0', '--fixtures', join(dir, 'missing.json')))).toBe(
      `cognito-idp-contract serve: cannot read ${join(dir, 'missing.json')}: no such file`,
    )
    writeFileSync(join(dir, 'bad.json'), '{')
    expect(refusal(serve('--port', '0', '--fixtures', join(dir, 'bad.json')))).toMatch(
      `cognito-idp-contract serve: ${join(dir, 'bad.json')} is not JSON: `,
    )
    writeFileSync(join(dir, 'refused.json'), JSON.stringify({ userPools: [{ PoolName: '' }] }))
    expect(refusal(serve('--port', '0', '--fixtures', join(dir, 'refused.json')))).toMatch(
      `the fixtures in ${join(dir, 'refused.json')} cannot be loaded: fixture: 2 validation errors detected: Value '' at 'poolName'`,
    )
  })

  it('a data directory another server holds', async () => {
    const data = join(dir, 'data')
    const running = await startCognitoServer({ data })
    try {
      expect(refusal(serve('--port', '0', '--data', data))).toBe(
        `cognito-idp-contract serve: ${data} is in use by another server (pid ${process.pid}); stop it, or give this one another --data directory`,
      )
    } finally {
      await running.close()
    }
  })

  it('help names every option and the control routes', () => {
    const help = serve('--help')
    expect(help.status).toBe(0)
    for (const option of ['--port', '--host', '--data', '--fixtures', '--seed', '--mode', '--quiet', '--log-json'])
      expect(help.stdout).toContain(option)
    expect(help.stdout).toContain('POST /_cognito-idp-contract/reset')
  })
})

describe('cognito-idp-contract serve --lambdas', () => {
  it('runs the exported functions of a module as the triggers a pool names, and lists their invocations', async () => {
    writeFileSync(
      join(dir, 'triggers.mjs'),
      `export const preSignUp = async (event) => {\n  event.response.autoConfirmUser = true\n  return event\n}\n`,
    )
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:preSignUp'
    writeFileSync(
      join(dir, 'pools.json'),
      JSON.stringify({
        userPools: [
          {
            Id: 'us-east-1_Lambdas01',
            PoolName: 'lambdas',
            LambdaConfig: { PreSignUp: arn },
            Clients: [{ ClientName: 'web', ClientId: 'lambdasclient0000000000001' }],
          },
        ],
      }),
    )
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'dist/src/tooling/cli/main.js'),
        'serve',
        '--port',
        '0',
        '--quiet',
        '--fixtures',
        join(dir, 'pools.json'),
        '--lambdas',
        join(dir, 'triggers.mjs'),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    try {
      const url = await new Promise<string>((resolve) =>
        child.stdout.once('data', (d: Buffer) => resolve(/a local Cognito on (\S+)/.exec(d.toString())![1]!)),
      )
      const client = new CognitoIdentityProviderClient({
        endpoint: url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      })
      const result = await client.send(
        new SignUpCommand({ ClientId: 'lambdasclient0000000000001', Username: 'jane', Password: 'Correct-Horse-1' }),
      )
      expect(result.UserConfirmed).toBe(true)
      const invocations = (await (
        await fetch(`${url}/_cognito-idp-contract/invocations?trigger=PreSignUp`)
      ).json()) as Array<{
        triggerSource: string
        functionArn: string
      }>
      expect(invocations.map((i) => [i.triggerSource, i.functionArn])).toEqual([['PreSignUp_SignUp', arn]])
    } finally {
      child.kill('SIGINT')
    }
  })

  it('refuses a module it cannot load, or one without functions, in one line', () => {
    expect(refusal(serve('--port', '0', '--lambdas', join(dir, 'absent.mjs')))).toMatch(
      new RegExp(`^cognito-idp-contract serve: cannot load ${join(dir, 'absent.mjs')}: `),
    )
    writeFileSync(join(dir, 'empty.mjs'), 'export const answer = 42\n')
    expect(refusal(serve('--port', '0', '--lambdas', join(dir, 'empty.mjs')))).toBe(
      `cognito-idp-contract serve: ${join(dir, 'empty.mjs')} exports no functions to use as Lambda triggers`,
    )
  })
})
