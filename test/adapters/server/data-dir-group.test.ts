import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDataDir, type WriteStep } from '../../../src/adapters/server/data-dir.js'
import { type Cognito, createCognito } from '../../../src/core/simulation/index.js'
import { ROOT } from '../../support/model.js'

const dirs: string[] = []
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-group-'))
  dirs.push(dir)
  return join(dir, 'data')
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A simulation kept in a data directory, as `serve --data` makes one. */
function opened(data: string, options: Parameters<typeof openDataDir>[1] = {}) {
  const dir = openDataDir(data, options)
  const simulation = createCognito({ journal: dir.journal, region: 'us-west-2' })
  dir.attach(simulation)
  return { dir, simulation }
}

/** The usernames a reopened directory holds. */
function usernames(data: string): Set<string> {
  const { dir, simulation } = opened(data)
  try {
    const rows = simulation.snapshot().partitions.flatMap((p) => p.tables['users'] ?? [])
    return new Set(rows.map((r) => (r.row as { username: string }).username))
  } finally {
    dir.close()
  }
}

/**
 * Runs test/support/data-dir-writer.ts (16 writers at once, compacting past `compactAfter` bytes of log) until it has
 * answered `enough` calls and is killed, or kills itself at `step` of a compaction; the usernames it acknowledged.
 */
async function writeUntilKilled(data: string, compactAfter: number, enough: number, step?: WriteStep) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'test/support/data-dir-writer.ts'),
      data,
      String(compactAfter),
      ...(step ? [step] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const acknowledged: string[] = []
  let text = ''
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
  child.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString()
    const lines = text.split('\n')
    text = lines.pop()!
    for (const line of lines) if (line.startsWith('user')) acknowledged.push(line)
    if (!step && acknowledged.length >= enough) child.kill('SIGKILL')
  })
  const signal = await exited
  return { acknowledged, signal }
}

async function varied(simulation: Cognito, users: number): Promise<void> {
  for (const region of ['us-west-2', 'eu-west-1']) {
    const call = { region }
    const pool = (await simulation.send('CreateUserPool', { PoolName: `many-${region}` }, call)).UserPool!.Id!
    const client = (
      await simulation.send(
        'CreateUserPoolClient',
        {
          UserPoolId: pool,
          ClientName: 'web',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
        call,
      )
    ).UserPoolClient!.ClientId!
    await simulation.send('CreateGroup', { UserPoolId: pool, GroupName: 'team' }, call)
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = w; i < users; i += 8) {
          const Username = `user${i}`
          await simulation.send(
            'AdminCreateUser',
            {
              UserPoolId: pool,
              Username,
              MessageAction: 'SUPPRESS',
              UserAttributes: [
                { Name: 'email', Value: `${Username}@example.com` },
                { Name: 'name', Value: `Ünïcode "${i}"\n` },
              ],
            },
            call,
          )
          if (i % 7 === 0)
            await simulation.send('AdminAddUserToGroup', { UserPoolId: pool, Username, GroupName: 'team' }, call)
          if (i % 11 === 0) await simulation.send('AdminDisableUser', { UserPoolId: pool, Username }, call)
          if (i % 13 === 0) await simulation.send('AdminDeleteUser', { UserPoolId: pool, Username }, call)
        }
      }),
    )
    await simulation.send(
      'AdminSetUserPassword',
      { UserPoolId: pool, Username: 'user1', Password: 'Correct-Horse-1', Permanent: true },
      call,
    )
    await simulation.send(
      'InitiateAuth',
      {
        ClientId: client,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'user1', PASSWORD: 'Correct-Horse-1' },
      },
      call,
    )
  }
}

describe('serve --data with calls at once (group commit)', () => {
  it('answers no change before a flush has kept it, and keeps several changes with one flush', async () => {
    const events: string[] = []
    const { dir, simulation } = opened(freshDir(), {
      steps: (step) => {
        if (step === 'flushed') events.push('flushed')
      },
    })
    try {
      const pool = (await simulation.send('CreateUserPool', { PoolName: 'p' })).UserPool!.Id!
      events.length = 0
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          simulation
            .send('AdminCreateUser', { UserPoolId: pool, Username: `u${i}`, MessageAction: 'SUPPRESS' })
            .then(() => events.push('answered')),
        ),
      )
      expect(events[0]).toBe('flushed')
      const flushes = events.filter((e) => e === 'flushed').length
      expect(events.filter((e) => e === 'answered')).toHaveLength(40)
      expect(flushes).toBeLessThan(40)
    } finally {
      dir.close()
    }
  })

  it('keeps every acknowledged change of 16 writers through kill -9, compactions running meanwhile', async () => {
    const data = freshDir()
    const { acknowledged, signal } = await writeUntilKilled(data, 32 * 1024, 1500)
    expect(signal).toBe('SIGKILL')
    expect(acknowledged.length).toBeGreaterThanOrEqual(1500)
    const kept = usernames(data)
    for (const name of acknowledged) expect(kept).toContain(name)
    // Besides those, only calls still waiting for their flush (one per writer at most).
    expect(kept.size - acknowledged.length).toBeLessThanOrEqual(16)
  })

  it.each(['log-opened', 'aside', 'renamed', 'dir-flushed', 'logs-removed'] as const)(
    'keeps every acknowledged change through a kill at the %s step of a compaction',
    async (step) => {
      const data = freshDir()
      const { acknowledged, signal } = await writeUntilKilled(data, 16 * 1024, 0, step)
      expect(signal).toBe('SIGKILL')
      const kept = usernames(data)
      for (const name of acknowledged) expect(kept).toContain(name)
      expect(kept.size - acknowledged.length).toBeLessThanOrEqual(16)
    },
  )

  it('restarts a large state, compacted many times over, to the very same state, and again', async () => {
    const data = freshDir()
    let renamed = 0
    const first = opened(data, {
      compactAfter: 128 * 1024,
      steps: (step) => {
        if (step === 'renamed') renamed++
      },
    })
    await varied(first.simulation, 1500)
    const before = first.simulation.snapshot()
    first.dir.close()
    expect(renamed).toBeGreaterThan(3)
    for (let restart = 0; restart < 2; restart++) {
      const again = opened(data)
      try {
        expect(again.simulation.snapshot()).toEqual(before)
      } finally {
        again.dir.close()
      }
    }
    const state = JSON.parse(readFileSync(join(data, 'state.json'), 'utf8')) as { version: number }
    expect(state.version).toBe(2)
    expect(readdirSync(data).filter((name) => name.startsWith('changes.')).length).toBeLessThanOrEqual(2)
  })
})
