import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { startProcess } from '../test/support/cognito-local.js'
import { ROOT } from '../test/support/model.js'
import { compare, figures, median, ROUNDS, report } from './measure.js'

const CLI = join(ROOT, 'dist/src/tooling/cli/main.js')
const PASSWORD = 'Correct-Horse-1'
/** How many clients call at once. */
const CONCURRENCY = 8

const clientOf = (url: string) =>
  new CognitoIdentityProviderClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  })

/** A server process's resident set size, in MiB (Linux's /proc/<pid>/status). */
function rssOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024
}

/** Stops a server as an operator would (SIGTERM: it closes its data directory) and waits for it to exit. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

/** Calls `fn` from `CONCURRENCY` clients at once for about `ms` milliseconds; calls answered per second. */
async function concurrently(fn: (i: number) => Promise<unknown>, ms: number): Promise<number> {
  let next = 0
  let done = 0
  const begin = performance.now()
  const end = begin + ms
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        await fn(next++)
        done++
      }
    }),
  )
  return (done * 1000) / (performance.now() - begin)
}

/** A server with a pool, a client that signs in with passwords, and a user per concurrent client to sign in. */
async function prepared(data: string | undefined, work: string) {
  const { url, child } = await startProcess(
    [CLI, 'serve', '--port', '0', '--quiet', ...(data === undefined ? [] : ['--data', data])],
    work,
    {},
  )
  const client = clientOf(url)
  const pool = (await client.send(new CreateUserPoolCommand({ PoolName: 'bench' }))).UserPool!.Id!
  const clientId = (
    await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool,
        ClientName: 'web',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    )
  ).UserPoolClient!.ClientId!
  for (let i = 0; i < CONCURRENCY; i++) {
    await client.send(
      new AdminCreateUserCommand({ UserPoolId: pool, Username: `signer${i}`, MessageAction: 'SUPPRESS' }),
    )
    await client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: pool,
        Username: `signer${i}`,
        Password: PASSWORD,
        Permanent: true,
      }),
    )
  }
  return { child, client, pool, clientId }
}

/**
 * Writes (AdminCreateUser) and sign-ins (InitiateAuth, USER_PASSWORD_AUTH: each records a refresh token) from eight
 * clients at once, over loopback: `serve --data` beside `serve` in memory, each in its own process.
 */
async function concurrentRates(work: string, ms: number): Promise<void> {
  const memory = await prepared(undefined, work)
  const disk = await prepared(join(work, 'rates'), work)
  try {
    let round = 0
    const writes = (target: typeof memory) => () => {
      const prefix = `r${round++}u`
      return concurrently(
        (i) =>
          target.client.send(
            new AdminCreateUserCommand({
              UserPoolId: target.pool,
              Username: `${prefix}${i}`,
              MessageAction: 'SUPPRESS',
              UserAttributes: [{ Name: 'email', Value: `${prefix}${i}@example.com` }],
            }),
          ),
        ms,
      )
    }
    await compare(`Over loopback, ${CONCURRENCY} clients at once: AdminCreateUser`, 'calls/s', [
      { name: 'serve (memory)', run: writes(memory) },
      { name: 'serve --data', run: writes(disk), anchor: 'serve (memory)' },
    ])
    const signIns = (target: typeof memory) => () =>
      concurrently(
        (i) =>
          target.client.send(
            new InitiateAuthCommand({
              ClientId: target.clientId,
              AuthFlow: 'USER_PASSWORD_AUTH',
              AuthParameters: { USERNAME: `signer${i % CONCURRENCY}`, PASSWORD },
            }),
          ),
        ms,
      )
    await compare(`Over loopback, ${CONCURRENCY} clients at once: InitiateAuth (USER_PASSWORD_AUTH)`, 'calls/s', [
      { name: 'serve (memory)', run: signIns(memory) },
      { name: 'serve --data', run: signIns(disk), anchor: 'serve (memory)' },
    ])
  } finally {
    await Promise.all([stop(memory.child), stop(disk.child)])
  }
}

/** Milliseconds from spawning `serve` to its first answer (a DescribeUserPool), and its RSS then. */
async function startToAnswer(args: readonly string[], work: string, pool: string | undefined) {
  const begin = performance.now()
  const { url, child } = await startProcess([CLI, 'serve', '--port', '0', '--quiet', ...args], work, {})
  try {
    const client = clientOf(url)
    if (pool) await client.send(new DescribeUserPoolCommand({ UserPoolId: pool }))
    else await client.send(new CreateUserPoolCommand({ PoolName: 'first' }))
    return { ms: performance.now() - begin, rss: rssOf(child) }
  } finally {
    await stop(child)
  }
}

/** Makes `users` users in a new pool by AdminCreateUser calls, eight at a time; the pool and the seconds it took. */
async function populate(url: string, users: number): Promise<{ pool: string; seconds: number }> {
  const client = clientOf(url)
  const pool = (await client.send(new CreateUserPoolCommand({ PoolName: 'many' }))).UserPool!.Id!
  let next = 0
  const begin = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < users; i = next++)
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: pool,
            Username: `user${i}`,
            MessageAction: 'SUPPRESS',
            UserAttributes: [
              { Name: 'email', Value: `user${i}@example.com` },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: `User ${i}` },
            ],
          }),
        )
    }),
  )
  return { pool, seconds: (performance.now() - begin) / 1000 }
}

/** Starts `serve` with these arguments, makes `users` users through it, notes its RSS, and stops it. */
async function built(args: readonly string[], work: string, users: number) {
  const { url, child } = await startProcess([CLI, 'serve', '--port', '0', '--quiet', ...args], work, {})
  try {
    const made = await populate(url, users)
    return { ...made, rss: rssOf(child) }
  } finally {
    await stop(child)
  }
}

/**
 * `serve --data` restarted on a directory of `users` users made by AdminCreateUser calls (eight at a time): the time
 * from spawning the process to its first answer beside an empty `serve`'s, and its RSS then beside the RSS of a
 * `serve` (in memory) that made the same users by the same requests.
 */
async function restart(work: string, users: number): Promise<void> {
  const data = join(work, 'restart')
  const memory = await built([], work, users)
  const disk = await built(['--data', data], work, users)
  const onDisk = readdirSync(data).reduce((n, name) => n + statSync(join(data, name)).size, 0)
  const count = users.toLocaleString('en')
  const rss: number[] = []
  await compare('Start-up of serve, fresh process, to its first answer', 'ms', [
    { name: 'serve (memory), empty', run: async () => (await startToAnswer([], work, undefined)).ms },
    {
      name: `serve --data, ${count} users`,
      run: async () => {
        const started = await startToAnswer(['--data', data], work, disk.pool)
        rss.push(started.rss)
        return started.ms
      },
      anchor: 'serve (memory), empty',
    },
  ])
  const after = median(rss)
  const ratio = Math.round((after / memory.rss) * 100) / 100
  const group = `serve --data, ${count} users`
  const anchor = 'RSS of serve (memory) that made them by requests'
  figures.push(
    { group, name: anchor, value: memory.rss, unit: 'MiB' },
    { group, name: 'RSS of serve --data that made them by requests', value: disk.rss, unit: 'MiB' },
    { group, name: 'RSS of serve --data restarted, at its first answer', value: after, unit: 'MiB', anchor, ratio },
  )
  const mib = (n: number) => `${Math.round(n)} MiB`
  report(`${group} (made by AdminCreateUser, ${CONCURRENCY} at a time; RSS after a restart: median of ${ROUNDS + 1})`, [
    ['serve (memory) made them in', `${memory.seconds.toFixed(1)} s, then ${mib(memory.rss)} RSS`],
    ['serve --data made them in', `${disk.seconds.toFixed(1)} s, then ${mib(disk.rss)} RSS`],
    ['on disk', `${(onDisk / 1024 / 1024).toFixed(1)} MiB`],
    [
      'serve --data restarted, at its first answer',
      `${mib(after)} RSS  (${ratio.toFixed(2)}x serve (memory) made them)`,
    ],
  ])
}

/**
 * `serve --data`: restart time and memory with 52,000 users, and writes and sign-ins from eight clients at once
 * beside `serve` in memory.
 */
export async function persistence(users = 52_000, ms = 1500): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'cognito-bench-persist-'))
  try {
    await concurrentRates(work, ms)
    await restart(work, users)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
