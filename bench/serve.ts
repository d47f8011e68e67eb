import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { COGNITO_LOCAL, installCognitoLocal, startProcess } from '../test/support/cognito-local.js'
import { ROOT } from '../test/support/model.js'
import { compare, report } from './measure.js'

const ANCHOR_NAME = 'cognito-local 5.3.0'
const installAnchor = installCognitoLocal
const start = startProcess

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
