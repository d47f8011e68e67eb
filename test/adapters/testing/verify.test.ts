import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'
import { formatSummary, VerifyError, verifyProvider } from '../../../src/adapters/testing/index.js'
import { ROOT } from '../../support/model.js'

let server: RunningCognitoServer
beforeAll(async () => {
  server = await startCognitoServer()
})
afterAll(() => server.close())

/** The names of the pools the server holds in the default region and account. */
async function poolNames(url: string): Promise<string[]> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools',
    },
    body: JSON.stringify({ MaxResults: 60 }),
  })
  const json = (await response.json()) as { UserPools: Array<{ Name: string }> }
  return json.UserPools.map((p) => p.Name)
}

function cli(...args: string[]): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'dist/src/tooling/cli/main.js'), ...args], { stdio: 'pipe' })
}

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe('verifyProvider against our own serve', () => {
  it('finds every operation of the contract conforming (a deviation is a bug in us)', async () => {
    const report = await verifyProvider({ endpoint: server.url, runs: 2 })
    const deviating = report.operations.filter((r) => r.status !== 'conforming')
    expect(deviating, JSON.stringify(deviating, null, 2).slice(0, 4000)).toEqual([])
    expect(report.operations).toHaveLength(132)
    expect(report.summary).toEqual({ conforming: 132, deviating: 0, unsupported: 0 })
    expect(report.interrupted).toBe(false)
    expect(report.cleanup.failed).toEqual([])
    expect(await poolNames(server.url)).toEqual([])
    expect(formatSummary(report)).toMatch(/^132 operations against http:\/\/127\.0\.0\.1:\d+\/ .*132 conforming/)
  }, 120_000)

  it('reads back what it created: a provider that loses a group deviates with found-again', async () => {
    const lossy = await startCognitoServer({
      operations: { GetGroup: { error: { type: 'ResourceNotFoundException', message: 'Group not found.' } } },
    })
    try {
      const report = await verifyProvider({ endpoint: lossy.url, operations: ['GetGroup', 'ListGroups'], runs: 0 })
      const getGroup = report.operations.find((r) => r.operation === 'GetGroup')!
      expect(getGroup.status).toBe('deviating')
      expect(getGroup.deviations.map((d) => d.rule)).toContain('found-again')
      expect(getGroup.deviations[0]!.message).toBe(
        'group verify-group was created but GetGroup answered ResourceNotFoundException',
      )
      expect(report.operations.find((r) => r.operation === 'ListGroups')!.status).toBe('conforming')
    } finally {
      await lossy.close()
    }
  })

  it('names the member and constraint of a response that breaks the contract, and marks the rest unsupported', async () => {
    // A stand-in of our own: GetGroup answers a negative precedence, everything else is not implemented.
    const standIn = createServer((request, response) => {
      const target = String(request.headers['x-amz-target'] ?? '').split('.')[1]
      request.resume().once('end', () => {
        if (target === 'GetGroup') {
          response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
          response.end(JSON.stringify({ Group: { GroupName: 'verify-group', Precedence: -1 } }))
        } else if (target === 'ListUserPools') {
          response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
          response.end(JSON.stringify({ UserPools: [] }))
        } else {
          response.writeHead(501, { 'content-type': 'application/x-amz-json-1.1' })
          response.end(JSON.stringify({ __type: 'com.example#UnknownOperationException', message: `no ${target}` }))
        }
      })
    })
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve))
    const { port } = standIn.address() as AddressInfo
    try {
      const report = await verifyProvider({
        endpoint: `http://127.0.0.1:${port}/`,
        operations: ['GetGroup', 'CreateUserPool'],
        runs: 1,
      })
      const [create, get] = report.operations
      expect(create).toMatchObject({ operation: 'CreateUserPool', status: 'unsupported', note: 'no CreateUserPool' })
      expect(get!.status).toBe('deviating')
      expect(get!.deviations[0]).toMatchObject({
        rule: 'response-schema',
        message:
          "the GetGroup response does not validate: 1 validation error detected: Value '-1' at 'group.precedence' failed to satisfy constraint: Member must have value greater than or equal to 0",
        response: { status: 200 },
      })
      expect(get!.deviations.map((d) => d.rule)).toContain('invalid-accepted')
    } finally {
      standIn.close()
    }
  })

  it('reports a page larger than asked even when the page also breaks the schema', async () => {
    // A stand-in of our own: ListUserPools ignores MaxResults and answers three pools, one of them with a bad id.
    const pool = (id: string) => ({ Id: id, Name: 'verify-pool' })
    const standIn = createServer((request, response) => {
      request.resume().once('end', () => {
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
        response.end(JSON.stringify({ UserPools: [pool('us-east-1_aaaaaaaaa'), pool('not a pool id'), pool('x')] }))
      })
    })
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve))
    const { port } = standIn.address() as AddressInfo
    try {
      const report = await verifyProvider({
        endpoint: `http://127.0.0.1:${port}/`,
        operations: ['ListUserPools'],
        runs: 0,
      })
      const rules = report.operations[0]!.deviations.map((d) => `${d.rule}: ${d.message.split(':')[0]}`)
      expect(rules).toContain('response-schema: the ListUserPools response does not validate')
      expect(rules).toContain('pagination: a page of 3 UserPools where MaxResults was 2')
    } finally {
      standIn.close()
    }
  })
  it('refuses an AWS endpoint unless allowed, and says so when the endpoint does not answer', async () => {
    await expect(verifyProvider({ endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/' })).rejects.toThrow(
      'cognito-idp.eu-west-1.amazonaws.com is an AWS endpoint: verify creates and deletes user pools there; allow it with allowAws (--allow-aws)',
    )
    await expect(verifyProvider({ endpoint: 'http://127.0.0.1:9/', timeout: 2000 })).rejects.toBeInstanceOf(VerifyError)
  })

  it('stops when its signal aborts and still deletes what it created', async () => {
    const controller = new AbortController()
    const report = await verifyProvider({
      endpoint: server.url,
      prefix: 'aborted-run-',
      signal: controller.signal,
      onResult: () => controller.abort(),
    })
    expect(report.interrupted).toBe(true)
    expect(report.operations).toHaveLength(1)
    expect((await poolNames(server.url)).filter((n) => n.startsWith('aborted-run-'))).toEqual([])
  })
})

describe('cognito-idp-contract verify, interrupted', () => {
  it('deletes what it made on Ctrl-C and exits 130', async () => {
    const child = cli('verify', '--endpoint', server.url, '--prefix', 'sigint-run-')
    await until(async () => (await poolNames(server.url)).some((n) => n.startsWith('sigint-run-')))
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect((await poolNames(server.url)).filter((n) => n.startsWith('sigint-run-'))).toEqual([])
  }, 60_000)

  it('a run killed part-way leaves nothing behind once the next run has started', async () => {
    const child = cli('verify', '--endpoint', server.url, '--prefix', 'killed-run-')
    await until(async () => (await poolNames(server.url)).some((n) => n.startsWith('killed-run-')))
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
    expect((await poolNames(server.url)).some((n) => n.startsWith('killed-run-'))).toBe(true)
    const next = await verifyProvider({
      endpoint: server.url,
      prefix: 'killed-run-',
      operations: ['DescribeUserPool'],
    })
    expect(next.cleanup.leftovers).toBeGreaterThanOrEqual(1)
    expect((await poolNames(server.url)).filter((n) => n.startsWith('killed-run-'))).toEqual([])
  }, 60_000)
})
