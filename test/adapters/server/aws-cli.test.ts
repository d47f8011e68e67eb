import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningCognitoServer, startCognitoServer } from '../../../src/adapters/server/index.js'
import { AWS_CLI, awsEnv, hasAwsCli, run } from '../../support/external.js'

// CI installs Debian's awscli and sets REQUIRE_AWS_CLI, so there this suite can never be skipped.
const required = process.env.REQUIRE_AWS_CLI === '1'
if (required && !hasAwsCli) throw new Error(`REQUIRE_AWS_CLI is set but ${AWS_CLI} is missing (apt-get install awscli)`)

let server: RunningCognitoServer
beforeAll(async () => {
  server = await startCognitoServer()
})
afterAll(() => server.close())

const aws = async (region: string, ...args: string[]) => {
  const result = await run(
    AWS_CLI,
    ['cognito-idp', ...args, '--endpoint-url', server.url, '--output', 'json'],
    awsEnv(region),
  )
  // biome-ignore lint/suspicious/noExplicitAny: the CLI's JSON output, read as the test expects it
  return { ...result, json: () => JSON.parse(result.stdout) as Record<string, any> }
}

describe.skipIf(!hasAwsCli)(
  "Debian's AWS CLI against the local endpoint (needs /usr/bin/aws: apt-get install awscli)",
  () => {
    let poolId = ''

    it('creates a pool in the region of the credential scope', async () => {
      const created = await aws('eu-west-1', 'create-user-pool', '--pool-name', 'from-the-cli')
      expect(created.status).toBe(0)
      poolId = created.json().UserPool.Id
      expect(poolId).toMatch(/^eu-west-1_[0-9A-Za-z]+$/)
      expect(created.json().UserPool.Arn).toMatch(
        new RegExp(`^arn:aws:cognito-idp:eu-west-1:\\d{12}:userpool/${poolId}$`),
      )
      const elsewhere = await aws('us-east-1', 'list-user-pools', '--max-results', '10')
      expect(elsewhere.json().UserPools).toEqual([])
    })

    it('creates an OIDC provider and describes it', async () => {
      const created = await aws(
        'eu-west-1',
        'create-identity-provider',
        '--user-pool-id',
        poolId,
        '--provider-name',
        'Corp',
        '--provider-type',
        'OIDC',
        '--provider-details',
        'client_id=abc,client_secret=def,authorize_scopes=openid email,oidc_issuer=https://issuer.example.com,attributes_request_method=GET',
      )
      expect(created.status).toBe(0)
      const described = await aws(
        'eu-west-1',
        'describe-identity-provider',
        '--user-pool-id',
        poolId,
        '--provider-name',
        'Corp',
      )
      expect(described.json().IdentityProvider).toMatchObject({ ProviderName: 'Corp', ProviderType: 'OIDC' })
    })

    it('lists users and groups across pages until the paginator ends', async () => {
      // Created in process (the CLI takes a second per call); the CLI's own paginator is what is tested.
      await server.mock.simulation.seed({
        users: Array.from({ length: 5 }, (_, i) => ({
          userPoolId: poolId,
          username: `user${i}`,
          groups: [`group${i}`],
        })),
      })
      const users = await aws('eu-west-1', 'list-users', '--user-pool-id', poolId, '--page-size', '2')
      expect(users.status).toBe(0)
      expect(
        users
          .json()
          .Users.map((u: { Username: string }) => u.Username)
          .sort(),
      ).toEqual(['user0', 'user1', 'user2', 'user3', 'user4'])
      const groups = await aws('eu-west-1', 'list-groups', '--user-pool-id', poolId, '--page-size', '2')
      expect(groups.json().Groups).toHaveLength(5)
    })

    it("pages a user's auth events to the end, as threat protection records them", async () => {
      // Created and signed in in process (the CLI takes a second per call); the CLI's own paginator is what is tested.
      const sim = server.mock.simulation
      await sim.seed({
        userPools: [
          {
            PoolName: 'audited',
            Id: 'eu-west-1_Audited01',
            UserPoolTier: 'PLUS',
            UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
            Clients: [
              {
                ClientName: 'web',
                ClientId: 'auditedclient0000000000001',
                ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
              },
            ],
            Users: [{ username: 'jane', password: 'Correct-Horse-1' }],
          },
        ],
      })
      for (let i = 0; i < 3; i++)
        await sim.send('InitiateAuth', {
          ClientId: 'auditedclient0000000000001',
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' },
        })
      const events = await aws(
        'eu-west-1',
        'admin-list-user-auth-events',
        '--user-pool-id',
        'eu-west-1_Audited01',
        '--username',
        'jane',
        '--page-size',
        '2',
      )
      expect(events.status).toBe(0)
      expect(events.json().AuthEvents.map((e: { EventResponse: string }) => e.EventResponse)).toEqual([
        'Pass',
        'Pass',
        'Pass',
      ])
    })

    it("exits non-zero with Cognito's error type and message for a pool that does not exist", async () => {
      const missing = await aws('eu-west-1', 'describe-user-pool', '--user-pool-id', 'eu-west-1_Missing1')
      expect(missing.status).toBe(254)
      expect(missing.stderr.trim()).toBe(
        'An error occurred (ResourceNotFoundException) when calling the DescribeUserPool operation: User pool eu-west-1_Missing1 does not exist.',
      )
      const generated = await aws(
        'eu-west-1',
        'admin-create-user',
        '--user-pool-id',
        'eu-west-1_Missing1',
        '--username',
        'x',
      )
      expect(generated.status).toBe(254)
      expect(generated.stderr).toContain('(ResourceNotFoundException)')
    })
  },
)
