import { spawn } from 'node:child_process'
import { join } from 'node:path'
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { startCognitoServer } from '../../../src/adapters/server/index.js'
import { ROOT } from '../../support/model.js'

const clientFor = (endpoint: string) =>
  new CognitoIdentityProviderClient({
    region: 'us-west-2',
    endpoint,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  })

describe('the local HTTP endpoint', () => {
  it('serves the real SDK over HTTP on 127.0.0.1', async () => {
    const server = await startCognitoServer()
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
      const client = clientFor(server.url)
      const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'over-http' }))
      expect((await client.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! }))).UserPool!.Name).toBe(
        'over-http',
      )
      await expect(
        client.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_Missing1' })),
      ).rejects.toBeInstanceOf(ResourceNotFoundException)
      expect(server.mock.calls()).toHaveLength(3)
      const preflight = await fetch(server.url, { method: 'OPTIONS' })
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    } finally {
      await server.close()
    }
  })

  it('runs from the command line until interrupted', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'dist/src/tooling/cli/main.js'), 'serve', '--port', '0', '--mode', 'generated', '--seed', '3'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    try {
      const line = await new Promise<string>((resolve) =>
        child.stdout.once('data', (d: Buffer) => resolve(d.toString())),
      )
      const url = /a local Cognito on (\S+)/.exec(line)![1]!
      const { UserPool } = await clientFor(url).send(new DescribeUserPoolCommand({ UserPoolId: 'us-west-2_AbC123' }))
      expect(UserPool!.Id).toBe('us-west-2_AbC123')
    } finally {
      child.kill('SIGINT')
    }
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0)
  })
})
