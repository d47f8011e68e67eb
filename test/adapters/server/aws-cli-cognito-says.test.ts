import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'
import { AWS_CLI, awsEnv, hasAwsCli, run } from '../../support/external.js'

let server: RunningCognitoServer
beforeAll(async () => {
  server = await startCognitoServer()
})
afterAll(() => server.close())

const aws = async (...args: string[]) => {
  const result = await run(
    AWS_CLI,
    ['cognito-idp', ...args, '--endpoint-url', server.url, '--output', 'json'],
    awsEnv('us-east-1'),
  )
  // biome-ignore lint/suspicious/noExplicitAny: the CLI's JSON output, read as the test expects it
  return { ...result, json: () => JSON.parse(result.stdout) as Record<string, any> }
}

describe.skipIf(!hasAwsCli)(
  'AdminCreateUser through the AWS CLI, with the delivery medium Cognito defaults to (needs /usr/bin/aws: apt-get install awscli)',
  () => {
    it('creates a user with an email and no phone number, and refuses EMAIL asked for without an email', async () => {
      const pool = await aws('create-user-pool', '--pool-name', 'cli-mediums')
      const poolId = pool.json().UserPool.Id as string
      const created = await aws(
        'admin-create-user',
        '--user-pool-id',
        poolId,
        '--username',
        'jane',
        '--user-attributes',
        'Name=email,Value=jane@example.com',
      )
      expect(created.status).toBe(0)
      expect(created.json().User).toMatchObject({ Username: 'jane', UserStatus: 'FORCE_CHANGE_PASSWORD' })
      const refused = await aws(
        'admin-create-user',
        '--user-pool-id',
        poolId,
        '--username',
        'joe',
        '--desired-delivery-mediums',
        'EMAIL',
      )
      expect(refused.status).toBe(254)
      expect(refused.stderr.trim()).toBe(
        'An error occurred (InvalidParameterException) when calling the AdminCreateUser operation: No email provided but desired delivery medium was Email',
      )
    })
  },
)
