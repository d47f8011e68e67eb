import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { startCognitoServer } from '../../../src/adapters/server/index.js'
import { ROOT } from '../../support/model.js'

// Written by the code of commit 2fa4b90 (data format 1) with test/support/make-data-dir-fixture.ts: a state.json, a
// changes.log of later changes (an update, a delete, a membership, a sign-in's refresh token) and what they read back as.
const expected = JSON.parse(readFileSync(join(ROOT, 'test/support/data-dir-v1.json'), 'utf8')) as {
  files: Record<string, string>
  poolId: string
  clientId: string
  password: string
  refreshToken: string
  snapshot: unknown
}

const dirs: string[] = []
/** A copy of the fixture's data directory, owner-only as the server makes its own. */
function copied(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-upgrade-'))
  dirs.push(dir)
  const data = join(dir, 'data')
  mkdirSync(data, { mode: 0o700 })
  for (const [name, text] of Object.entries(expected.files)) writeFileSync(join(data, name), text, { mode: 0o600 })
  return data
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const clientFor = (endpoint: string) =>
  new CognitoIdentityProviderClient({
    region: 'us-west-2',
    endpoint,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  })

describe('serve --data on a directory an earlier version wrote', () => {
  it('opens a format 1 directory (state.json and its log) to the very state it held', async () => {
    const data = copied()
    const server = await startCognitoServer({ data })
    try {
      expect(server.mock.simulation.snapshot()).toEqual(expected.snapshot)
      expect(server.notes).toEqual([`upgraded ${data} to data format 2 (from 1)`])
    } finally {
      await server.close()
    }
    // Written again in this version's format: the state (still one JSON document) and a log of its generation.
    const state = JSON.parse(readFileSync(join(data, 'state.json'), 'utf8')) as { version: number; generation: number }
    expect(state.version).toBe(2)
    expect(readdirSync(data).sort()).toEqual([`changes.${state.generation}.log`, 'state.json'])
  })

  it('keeps it after the upgrade: the same state again at the next start, and its users sign in', async () => {
    const data = copied()
    await (await startCognitoServer({ data })).close()
    const server = await startCognitoServer({ data })
    try {
      expect(server.mock.simulation.snapshot()).toEqual(expected.snapshot)
      const client = clientFor(server.url)
      const password = await client.send(
        new InitiateAuthCommand({
          ClientId: expected.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'jane@example.com', PASSWORD: expected.password },
        }),
      )
      expect(password.AuthenticationResult?.AccessToken).toBeTypeOf('string')
      const refreshed = await client.send(
        new InitiateAuthCommand({
          ClientId: expected.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: expected.refreshToken },
        }),
      )
      expect(refreshed.AuthenticationResult?.IdToken).toBeTypeOf('string')
    } finally {
      await server.close()
    }
  })
})
