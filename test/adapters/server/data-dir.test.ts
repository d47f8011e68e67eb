import { spawn } from 'node:child_process'
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { DataDirError, startCognitoServer } from '../../../src/adapters/server/index.js'
import { ROOT } from '../../support/model.js'

const clientFor = (endpoint: string) =>
  new CognitoIdentityProviderClient({
    region: 'us-west-2',
    endpoint,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  })

const dirs: string[] = []
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-data-'))
  dirs.push(dir)
  return join(dir, 'data')
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** The log a directory appends to now (`changes.<generation>.log`, the highest generation). */
const currentLog = (data: string) => {
  const logs = readdirSync(data).filter((name) => /^changes\.\d+\.log$/.test(name))
  return join(data, logs.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).at(-1)!)
}

const poolNames = async (url: string) =>
  ((await clientFor(url).send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? []).map((p) => p.Name)

describe('serve --data', () => {
  it('keeps pools and users across a restart, and reset empties the directory too', async () => {
    const data = freshDir()
    let server = await startCognitoServer({ data })
    const { UserPool } = await clientFor(server.url).send(new CreateUserPoolCommand({ PoolName: 'kept' }))
    await clientFor(server.url).send(
      new AdminCreateUserCommand({ UserPoolId: UserPool!.Id!, Username: 'jane', MessageAction: 'SUPPRESS' }),
    )
    await server.close()

    server = await startCognitoServer({ data })
    expect(await poolNames(server.url)).toEqual(['kept'])
    const users = await clientFor(server.url).send(new ListUsersCommand({ UserPoolId: UserPool!.Id! }))
    expect(users.Users!.map((u) => [u.Username, u.UserStatus])).toEqual([['jane', 'FORCE_CHANGE_PASSWORD']])
    await fetch(new URL('_cognito-idp-contract/reset', server.url), {
      method: 'POST',
      headers: { 'x-cognito-idp-contract': '1' },
    })
    await server.close()

    server = await startCognitoServer({ data })
    expect(await poolNames(server.url)).toEqual([])
    await server.close()
  })

  it('loads fixtures into an empty directory only, so a restart keeps what tests changed', async () => {
    const data = freshDir()
    const fixtures = { userPools: [{ Id: 'us-west-2_Fixture01', PoolName: 'fixture' }] }
    let server = await startCognitoServer({ data, fixtures })
    await clientFor(server.url).send(new CreateUserPoolCommand({ PoolName: 'added' }))
    await server.close()
    server = await startCognitoServer({ data, fixtures })
    expect(await poolNames(server.url)).toEqual(['fixture', 'added'])
    await server.close()
  })

  it('refuses a second server on the same directory, naming the first', async () => {
    const data = freshDir()
    const first = await startCognitoServer({ data })
    try {
      await expect(startCognitoServer({ data })).rejects.toThrow(
        new DataDirError(
          `${data} is in use by another server (pid ${process.pid}); stop it, or give this one another --data directory`,
        ),
      )
    } finally {
      await first.close()
    }
    const again = await startCognitoServer({ data })
    await again.close()
  })

  it('takes over a lock left by a server that is gone', async () => {
    const data = freshDir()
    const server = await startCognitoServer({ data })
    await server.close()
    writeFileSync(join(data, 'lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: undefined }))
    const next = await startCognitoServer({ data })
    expect(JSON.parse(readFileSync(join(data, 'lock'), 'utf8')).pid).toBe(process.pid)
    await next.close()
  })

  it('drops a last log line cut short by a crash, and keeps the ones before it', async () => {
    const data = freshDir()
    let server = await startCognitoServer({ data })
    await clientFor(server.url).send(new CreateUserPoolCommand({ PoolName: 'acknowledged' }))
    await server.close()
    appendFileSync(currentLog(data), '{"tables":{"pools":')
    server = await startCognitoServer({ data })
    expect(await poolNames(server.url)).toEqual(['acknowledged'])
    await server.close()
  })

  it('refuses a log damaged before its end, and leaves it as it is', async () => {
    const data = freshDir()
    let server = await startCognitoServer({ data })
    await server.close()
    const log = currentLog(data)
    writeFileSync(log, 'not json\n{}\n')
    await expect(startCognitoServer({ data })).rejects.toThrow(`${log} is damaged at line 1`)
    expect(readFileSync(log, 'utf8')).toBe('not json\n{}\n')
    // The refusal let go of the lock: once the log is mended, the directory opens.
    writeFileSync(log, '')
    server = await startCognitoServer({ data })
    await server.close()
  })

  it('refuses a state file of another format version or of another program, and leaves it as it is', async () => {
    const data = freshDir()
    const server = await startCognitoServer({ data })
    await server.close()
    const state = join(data, 'state.json')
    const newer = JSON.stringify({ format: 'cognito-idp-contract/data', version: 99, snapshot: {} })
    writeFileSync(state, newer)
    await expect(startCognitoServer({ data })).rejects.toThrow(
      `${state} was written by a version of cognito-idp-contract whose data format (99) this one (2) cannot read; it was left as it is`,
    )
    expect(readFileSync(state, 'utf8')).toBe(newer)
    writeFileSync(state, '{"users":[]}')
    await expect(startCognitoServer({ data })).rejects.toThrow(
      `${state} is not a cognito-idp-contract data file; it was left as it is`,
    )
  })

  it('reads a state file laid out anew by hand (one JSON document all the same), and refuses one cut short', async () => {
    const data = freshDir()
    let server = await startCognitoServer({ data })
    await clientFor(server.url).send(new CreateUserPoolCommand({ PoolName: 'edited' }))
    await fetch(new URL('_cognito-idp-contract/reset', server.url), {
      method: 'POST',
      headers: { 'x-cognito-idp-contract': '1' },
    })
    await clientFor(server.url).send(new CreateUserPoolCommand({ PoolName: 'kept' }))
    await server.close()
    const state = join(data, 'state.json')
    writeFileSync(state, JSON.stringify(JSON.parse(readFileSync(state, 'utf8')), null, 2))
    server = await startCognitoServer({ data })
    expect(await poolNames(server.url)).toEqual(['kept'])
    await server.close()
    // Written again in its own layout by a reset, then cut short: no half state is loaded.
    server = await startCognitoServer({ data })
    await fetch(new URL('_cognito-idp-contract/reset', server.url), {
      method: 'POST',
      headers: { 'x-cognito-idp-contract': '1' },
    })
    await server.close()
    const text = readFileSync(state, 'utf8')
    writeFileSync(state, text.slice(0, text.lastIndexOf(']}}')))
    await expect(startCognitoServer({ data })).rejects.toThrow(`${state} is damaged at line 2; it was left as it is`)
  })

  it('keeps every acknowledged change through kill -9 in the middle of a stream of writes', async () => {
    const data = freshDir()
    const child = spawn(
      process.execPath,
      [join(ROOT, 'dist/src/tooling/cli/main.js'), 'serve', '--port', '0', '--quiet', '--data', data],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const url = await new Promise<string>((resolve) =>
      child.stdout.once('data', (d: Buffer) => resolve(/a local Cognito on (\S+)/.exec(d.toString())![1]!)),
    )
    const client = clientFor(url)
    const acknowledged: string[] = []
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; ; i++) {
        try {
          await client.send(new CreateUserPoolCommand({ PoolName: `w${w}-${i}` }))
          acknowledged.push(`w${w}-${i}`)
        } catch {
          return
        }
      }
    })
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 5))
    child.kill('SIGKILL')
    await Promise.all(writers)
    await new Promise((resolve) => child.once('exit', resolve))

    const server = await startCognitoServer({ data })
    try {
      const names = new Set<string>()
      let NextToken: string | undefined
      do {
        const page = await clientFor(server.url).send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }))
        for (const pool of page.UserPools ?? []) names.add(pool.Name!)
        NextToken = page.NextToken
      } while (NextToken)
      for (const name of acknowledged) expect(names).toContain(name)
      expect(names.size - acknowledged.length).toBeLessThanOrEqual(4)
    } finally {
      await server.close()
    }
  })

  it.each(['reset', 'restore'] as const)(
    'a kill at any step of a %s leaves the state before it or after it, never a mix of the two',
    async (operation) => {
      const steps = ['log-opened', 'aside', 'renamed', 'dir-flushed', 'logs-removed'] as const
      const after = operation === 'reset' ? [] : ['restored']
      for (const step of steps) {
        const data = freshDir()
        // The state file holds 'base'; the child adds 'logged' to the log, then writes the new state and dies.
        const first = await startCognitoServer({ data })
        await clientFor(first.url).send(new CreateUserPoolCommand({ PoolName: 'base' }))
        await first.close()
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', join(ROOT, 'test/support/data-dir-fault.ts'), data, operation, step],
          { stdio: ['ignore', 'ignore', 'inherit'] },
        )
        const signal = await new Promise((resolve) => child.once('exit', (_code, killed) => resolve(killed)))
        expect([step, signal]).toEqual([step, 'SIGKILL'])
        const server = await startCognitoServer({ data })
        try {
          const names = (await poolNames(server.url)).sort()
          expect([step, names]).toSatisfy(
            ([, n]: [string, string[]]) =>
              JSON.stringify(n) === JSON.stringify(['base', 'logged']) || JSON.stringify(n) === JSON.stringify(after),
          )
        } finally {
          await server.close()
        }
      }
    },
  )

  it('keeps its files readable by their owner only', async () => {
    const data = freshDir()
    const server = await startCognitoServer({ data })
    await clientFor(server.url).send(new CreateUserPoolCommand({ PoolName: 'private' }))
    await server.close()
    expect(statSync(data).mode & 0o777).toBe(0o700)
    for (const file of [join(data, 'state.json'), currentLog(data)]) expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('takes over a lock that names this very process (pid 1 restarted in a container) or is empty, saying so', async () => {
    for (const content of [JSON.stringify({ pid: process.pid }), '']) {
      const data = freshDir()
      mkdirSync(data, { recursive: true })
      writeFileSync(join(data, 'lock'), content)
      utimesSync(join(data, 'lock'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
      const server = await startCognitoServer({ data })
      expect(server.notes.join('\n')).toMatch(content === '' ? /lock file was empty/ : /named this process/)
      await server.close()
    }
  })

  it('takes over a lock whose pid now belongs to a process started after it', async () => {
    const data = freshDir()
    mkdirSync(data, { recursive: true })
    // This process is alive, but its start time is not the one the lock recorded.
    writeFileSync(join(data, 'lock'), JSON.stringify({ pid: process.ppid, host: hostname(), started: 1 }))
    const server = await startCognitoServer({ data })
    expect(server.notes.join('\n')).toMatch(/is now another process/)
    await server.close()
  })

  it('keeps nothing on disk of a call still running when a reset came: it finished on the state before', async () => {
    const data = freshDir()
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const pool = {
      userPools: [
        {
          Id: 'us-west-2_Raced0001',
          PoolName: 'raced',
          LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-west-2:123456789012:function:gate' },
          Clients: [{ ClientName: 'web', ClientId: 'racedclient000000000000001' }],
        },
      ],
    }
    const lambdas = {
      gate: async (event: unknown) => {
        await gate
        return event
      },
    }
    let server = await startCognitoServer({ data, fixtures: pool, lambdas })
    const signUp = clientFor(server.url)
      .send(new SignUpCommand({ ClientId: 'racedclient000000000000001', Username: 'late', Password: 'Passw0rd!' }))
      .catch((error: Error) => error)
    await new Promise((resolve) => setTimeout(resolve, 100))
    const reset = await fetch(new URL('_cognito-idp-contract/reset', server.url), {
      method: 'POST',
      headers: { 'x-cognito-idp-contract': '1' },
    })
    expect(reset.status).toBe(204)
    release()
    await signUp
    await server.close()
    server = await startCognitoServer({ data, fixtures: pool, lambdas })
    try {
      const users = await clientFor(server.url).send(new ListUsersCommand({ UserPoolId: 'us-west-2_Raced0001' }))
      expect(users.Users).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('refuses a directory whose state file is gone while its log holds later changes, and leaves it as it is', async () => {
    const data = freshDir()
    const server = await startCognitoServer({ data })
    await clientFor(server.url).send(new CreateUserPoolCommand({ PoolName: 'logged' }))
    await server.close()
    rmSync(join(data, 'state.json'))
    await expect(startCognitoServer({ data })).rejects.toThrow(
      /state\.json is missing, though changes\.\d+\.log holds changes/,
    )
  })
})
