import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolReplicaCommand,
  InitiateAuthCommand,
  ListUserPoolReplicasCommand,
  UpdateUserPoolReplicaCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { startCognitoServer } from '../../../src/adapters/server/index.js'

/** A client signing for a region against the local server (the server takes the region from the SigV4 scope). */
const regional = (region: string, endpoint: string) =>
  new CognitoIdentityProviderClient({
    region,
    endpoint,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  })

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('serve: replicas', () => {
  it('a replica activated through serve is kept across a restart with --data, and its Region signs users in', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cognito-replicas-'))
    dirs.push(root)
    const data = join(root, 'data')
    let server = await startCognitoServer({ data })
    const primary = regional('us-west-2', server.url)
    const { UserPool } = await primary.send(new CreateUserPoolCommand({ PoolName: 'replicated' }))
    const poolId = UserPool!.Id!
    const { UserPoolClient } = await primary.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    )
    await primary.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'jane', MessageAction: 'SUPPRESS' }))
    await primary.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: 'jane',
        Password: 'Passw0rd!Kept',
        Permanent: true,
      }),
    )
    await primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: 'eu-central-1' }))
    await regional('eu-central-1', server.url).send(
      new UpdateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: 'eu-central-1', Status: 'ACTIVE' }),
    )
    await server.close()

    server = await startCognitoServer({ data })
    try {
      const secondary = regional('eu-central-1', server.url)
      const listed = await secondary.send(new ListUserPoolReplicasCommand({ UserPoolId: poolId }))
      expect(listed.UserPoolReplicas!.map((r) => [r.RegionName, r.Role, r.Status])).toEqual([
        ['us-west-2', 'PRIMARY', 'ACTIVE'],
        ['eu-central-1', 'SECONDARY', 'ACTIVE'],
      ])
      const signedIn = await secondary.send(
        new InitiateAuthCommand({
          ClientId: UserPoolClient!.ClientId!,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'jane', PASSWORD: 'Passw0rd!Kept' },
        }),
      )
      expect(signedIn.AuthenticationResult?.AccessToken).toBeDefined()
    } finally {
      await server.close()
    }
  })
})
