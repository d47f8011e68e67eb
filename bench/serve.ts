import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { ROOT } from '../test/support/model.js'
import { compare, report } from './measure.js'

/** The anchor: cognito-local, the local Cognito most projects use, pinned so runs compare. */
const COGNITO_LOCAL = 'cognito-local@5.3.0'
const ANCHORS = join(ROOT, '.tmp', 'anchors')
const ANCHOR_NAME = 'cognito-local 5.3.0'

/** Installs the anchor beside the project (once), or says why it cannot. */
function installAnchor(): string | undefined {
  const bin = join(ANCHORS, 'node_modules/cognito-local/lib/bin/start.js')
  if (existsSync(bin)) return bin
  try {
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', ANCHORS, COGNITO_LOCAL], {
      stdio: 'ignore',
    })
    return bin
  } catch {
    return undefined
  }
}

/** Starts a server process and resolves its endpoint once it prints one. */
function start(command: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, command, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let seen = ''
    const look = (chunk: Buffer) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: pino-pretty colours its lines
      seen += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '')
      const found = /(?:local Cognito on|running on) (http:\/\/[\d.]+:\d+)/.exec(seen)
      if (found) {
        child.stdout?.off('data', look)
        child.stdout?.resume()
        resolve({ url: found[1]!, child })
      }
    }
    child.stdout?.on('data', look)
    child.stderr?.resume()
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited ${code}: ${seen}`)))
  })
}

/** Calls per second of `fn` over about `ms` milliseconds, one call at a time, after a warm-up. */
async function rate(fn: (i: number) => Promise<unknown>, ms: number): Promise<number> {
  let n = 0
  while (n < 10) await fn(n++)
  const begin = performance.now()
  while (performance.now() - begin < ms) await fn(n++)
  return ((n - 10) * 1000) / (performance.now() - begin)
}

interface Target {
  readonly name: string
  readonly client: CognitoIdentityProviderClient
  readonly pool: string
  readonly prefix: string
}

const OPERATIONS = {
  DescribeUserPool: (t: Target) => () => t.client.send(new DescribeUserPoolCommand({ UserPoolId: t.pool })),
  AdminGetUser: (t: Target) => () =>
    t.client.send(new AdminGetUserCommand({ UserPoolId: t.pool, Username: 'jane@example.com' })),
  AdminCreateUser: (t: Target) => (i: number) =>
    t.client.send(
      new AdminCreateUserCommand({
        UserPoolId: t.pool,
        Username: `${t.prefix}${i}@example.com`,
        MessageAction: 'SUPPRESS',
      }),
    ),
} as const

/**
 * Calls per second over loopback, one at a time from the SDK: `serve` in memory and with `--data` (a flushed write
 * per change) beside cognito-local (which writes its JSON file per change), each in its own process, medians of
 * five interleaved rounds.
 */
export async function serveRates(ms = 600): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'cognito-bench-'))
  const children: ChildProcess[] = []
  try {
    const cli = join(ROOT, 'dist/src/tooling/cli/main.js')
    const servers: Array<[string, Promise<{ url: string; child: ChildProcess }>]> = [
      ['serve (memory)', start([cli, 'serve', '--port', '0', '--quiet'], work, {})],
      ['serve --data', start([cli, 'serve', '--port', '0', '--quiet', '--data', join(work, 'data')], work, {})],
    ]
    const anchor = installAnchor()
    if (anchor) servers.push([ANCHOR_NAME, start([anchor], work, { PORT: '0', HOST: '127.0.0.1' })])
    const targets: Target[] = []
    for (const [name, started] of servers) {
      const { url, child } = await started
      children.push(child)
      const client = new CognitoIdentityProviderClient({
        endpoint: url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 1,
      })
      const pool = (await client.send(new CreateUserPoolCommand({ PoolName: 'bench' }))).UserPool!.Id!
      await client.send(
        new AdminCreateUserCommand({ UserPoolId: pool, Username: 'jane@example.com', MessageAction: 'SUPPRESS' }),
      )
      targets.push({ name, client, pool, prefix: 'u' })
    }
    for (const [operation, call] of Object.entries(OPERATIONS)) {
      let round = 0
      await compare(`Over loopback: ${operation}, one call at a time`, 'calls/s', [
        ...targets.map((target) => ({
          name: target.name,
          run: () => rate(call({ ...target, prefix: `r${round++}u` }), ms),
          anchor: anchor && target.name !== ANCHOR_NAME ? ANCHOR_NAME : undefined,
        })),
      ])
    }
    if (!anchor) report('cognito-local', [['not measured', `npm could not install ${COGNITO_LOCAL}`]])
  } finally {
    for (const child of children) child.kill('SIGKILL')
    rmSync(work, { recursive: true, force: true })
  }
}
