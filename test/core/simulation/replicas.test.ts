import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolReplicaCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolReplicaCommand,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUserPoolReplicasCommand,
  ListUserPoolsCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  UpdateUserPoolReplicaCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { cognitoRequestHandler } from '../../../src/adapters/sdk/index.js'
import { decodeJwt } from '../../../src/core/shared/jwt.js'
import { fromBase32, timeStep, totpCode } from '../../../src/core/shared/totp.js'
import { createCognito } from '../../../src/core/simulation/index.js'

const PRIMARY = 'us-east-1'
const SECONDARY = 'eu-west-1'
const PASSWORD = 'Passw0rd!Replica'

/** A simulation served in process, and one real SDK client per region. */
function regions() {
  const simulation = createCognito({ seed: 7 })
  const handler = cognitoRequestHandler({ mode: 'simulation', simulation })
  const client = (region: string) =>
    new CognitoIdentityProviderClient({
      region,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 1,
      requestHandler: handler,
    })
  return { simulation, primary: client(PRIMARY), secondary: client(SECONDARY) }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (e: Error) => ({ name: e.name, message: e.message }),
  )

/** A pool at the primary with a password client and a confirmed user `jane`. */
async function replicatedPool(tier?: 'LITE' | 'ESSENTIALS' | 'PLUS') {
  const world = regions()
  const { primary } = world
  const { UserPool } = await primary.send(
    new CreateUserPoolCommand({ PoolName: 'replicated', ...(tier && { UserPoolTier: tier }) }),
  )
  const poolId = UserPool!.Id!
  const { UserPoolClient } = await primary.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'app',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  )
  await primary.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'jane', MessageAction: 'SUPPRESS' }))
  await primary.send(
    new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'jane', Password: PASSWORD, Permanent: true }),
  )
  return { ...world, poolId, clientId: UserPoolClient!.ClientId! }
}

const signIn = (client: CognitoIdentityProviderClient, clientId: string, username = 'jane') =>
  client.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD },
    }),
  )

describe('CreateUserPoolReplica and ListUserPoolReplicas', () => {
  it('a new secondary answers CREATING, then lists INACTIVE after the primary, from either Region', async () => {
    const { primary, secondary, poolId } = await replicatedPool()
    const created = await primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY }))
    expect(created.UserPoolReplica).toEqual({
      RegionName: SECONDARY,
      Status: 'CREATING',
      Role: 'SECONDARY',
      UserPoolArn: `arn:aws:cognito-idp:${SECONDARY}:123456789012:userpool/${poolId}`,
    })
    const expected = [
      {
        RegionName: PRIMARY,
        Status: 'ACTIVE',
        Role: 'PRIMARY',
        UserPoolArn: `arn:aws:cognito-idp:${PRIMARY}:123456789012:userpool/${poolId}`,
      },
      { ...created.UserPoolReplica, Status: 'INACTIVE' },
    ]
    for (const client of [primary, secondary]) {
      const listed = await client.send(new ListUserPoolReplicasCommand({ UserPoolId: poolId }))
      expect(listed.UserPoolReplicas).toEqual(expected)
      expect(listed.NextToken).toBeUndefined()
    }
    const pools = await primary.send(new ListUserPoolsCommand({ MaxResults: 60 }))
    expect(pools.UserPools!.map((p) => p.ReplicaRegions)).toEqual([[SECONDARY]])
  })

  it('a pool never replicated lists its primary alone; a pagination token that is not one is refused', async () => {
    const { primary, poolId } = await replicatedPool()
    const listed = await primary.send(new ListUserPoolReplicasCommand({ UserPoolId: poolId }))
    expect(listed.UserPoolReplicas!.map((r) => [r.RegionName, r.Role])).toEqual([[PRIMARY, 'PRIMARY']])
    expect(
      await failure(primary.send(new ListUserPoolReplicasCommand({ UserPoolId: poolId, NextToken: 'nonsense' }))),
    ).toEqual({ name: 'InvalidParameterException', message: 'Invalid pagination token.' })
  })

  it('a Lite pool cannot be replicated (FeatureUnavailableInTierException)', async () => {
    const { primary, poolId } = await replicatedPool('LITE')
    const error = await failure(
      primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY })),
    )
    expect(error).toEqual({
      name: 'FeatureUnavailableInTierException',
      message:
        'The following features need to be disabled for the LITE pricing tier configured: Multi-Region Replication',
    })
  })

  it('refuses the primary Region, a second secondary, an unknown pool and a call from the secondary', async () => {
    const { primary, secondary, poolId } = await replicatedPool()
    expect(
      (await failure(primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: PRIMARY })))).name,
    ).toBe('InvalidParameterException')
    await primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY }))
    expect(
      (await failure(primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: 'ap-south-1' }))))
        .name,
    ).toBe('LimitExceededException')
    expect(
      (
        await failure(
          secondary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: 'ap-south-1' })),
        )
      ).name,
    ).toBe('OperationNotEnabledException')
    expect(await failure(primary.send(new ListUserPoolReplicasCommand({ UserPoolId: 'us-east-1_missing' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_missing does not exist.',
    })
  })
})

describe('a secondary Region serves the same pool', () => {
  it('while INACTIVE it refuses sign-in and still serves administrator reads', async () => {
    const { primary, secondary, poolId, clientId } = await replicatedPool()
    await primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY }))
    expect((await failure(signIn(secondary, clientId))).name).toBe('OperationNotEnabledException')
    const user = await secondary.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'jane' }))
    expect(user.UserStatus).toBe('CONFIRMED')
    expect((await secondary.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.Name).toBe(
      'replicated',
    )
  })

  it('once activated from the secondary, users created at the primary sign in there, with the primary as issuer', async () => {
    const { primary, secondary, poolId, clientId } = await replicatedPool()
    await primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY }))
    const updated = await secondary.send(
      new UpdateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY, Status: 'ACTIVE' }),
    )
    expect(updated.UserPoolReplica!.Status).toBe('ACTIVE')
    // A user created at the primary after the replica was: the directory is shared.
    await primary.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'john', MessageAction: 'SUPPRESS' }))
    await primary.send(
      new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'john', Password: PASSWORD, Permanent: true }),
    )
    for (const username of ['jane', 'john']) {
      const { AuthenticationResult } = await signIn(secondary, clientId, username)
      expect(decodeJwt(AuthenticationResult!.AccessToken!)!.payload['iss']).toBe(
        `https://cognito-idp.${PRIMARY}.amazonaws.com/${poolId}`,
      )
      const me = await secondary.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken! }))
      expect(me.Username).toBe(username)
      // And the primary accepts the secondary's token.
      expect(
        (await primary.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken! }))).Username,
      ).toBe(username)
    }
  })

  it('refuses sign-up, user creation, password reset, profile changes, TOTP and configuration changes', async () => {
    const { primary, secondary, poolId, clientId } = await replicatedPool()
    await primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY }))
    await primary.send(
      new UpdateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY, Status: 'ACTIVE' }),
    )
    const token = (await signIn(secondary, clientId)).AuthenticationResult!.AccessToken!
    const refused = [
      secondary.send(new SignUpCommand({ ClientId: clientId, Username: 'new', Password: PASSWORD })),
      secondary.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'new', MessageAction: 'SUPPRESS' })),
      secondary.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'jane' })),
      secondary.send(
        new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes: [{ Name: 'name', Value: 'Jane' }] }),
      ),
      secondary.send(new AssociateSoftwareTokenCommand({ AccessToken: token })),
      secondary.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'admins' })),
    ]
    for (const call of refused) {
      const error = await failure(call)
      expect(error.name).toBe('OperationNotEnabledException')
      expect(error.message).toMatch(`is not supported in the secondary Region ${SECONDARY} of user pool ${poolId}.`)
    }
    // Nothing was created behind the refusals.
    expect((await failure(primary.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'new' })))).name).toBe(
      'UserNotFoundException',
    )
  })
})

describe('TOTP at a secondary', () => {
  it('a user with TOTP MFA gets the challenge there, and the answer is refused', async () => {
    const { primary, secondary, poolId, clientId } = await replicatedPool()
    await primary.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    )
    const token = (await signIn(primary, clientId)).AuthenticationResult!.AccessToken!
    const { SecretCode } = await primary.send(new AssociateSoftwareTokenCommand({ AccessToken: token }))
    const code = () => totpCode(fromBase32(SecretCode!), timeStep(Date.now() / 1000))
    await primary.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: code() }))
    await primary.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: token,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    )
    await primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY }))
    await primary.send(
      new UpdateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY, Status: 'ACTIVE' }),
    )
    const challenge = await signIn(secondary, clientId)
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    const answer = new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: challenge.Session!,
      ChallengeResponses: { USERNAME: 'jane', SOFTWARE_TOKEN_MFA_CODE: code() },
    })
    expect(await failure(secondary.send(answer))).toEqual({
      name: 'OperationNotEnabledException',
      message: `TOTP MFA is not supported in the secondary Region ${SECONDARY} of user pool ${poolId}.`,
    })
  })
})

describe('UpdateUserPoolReplica and DeleteUserPoolReplica', () => {
  it('delete is refused from the secondary and while ACTIVE, then answers DELETING and the Region stops serving', async () => {
    const { primary, secondary, poolId, clientId } = await replicatedPool()
    await primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY }))
    await primary.send(
      new UpdateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY, Status: 'ACTIVE' }),
    )
    const remove = (client: CognitoIdentityProviderClient) =>
      client.send(new DeleteUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY }))
    expect((await failure(remove(secondary))).name).toBe('OperationNotEnabledException')
    expect((await failure(remove(primary))).name).toBe('InvalidParameterException')
    await secondary.send(
      new UpdateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY, Status: 'INACTIVE' }),
    )
    expect((await remove(primary)).UserPoolReplica).toMatchObject({ RegionName: SECONDARY, Status: 'DELETING' })
    expect(
      (await primary.send(new ListUserPoolReplicasCommand({ UserPoolId: poolId }))).UserPoolReplicas!.map(
        (r) => r.Role,
      ),
    ).toEqual(['PRIMARY'])
    expect((await failure(signIn(secondary, clientId))).name).toBe('ResourceNotFoundException')
    expect((await failure(remove(primary))).name).toBe('ResourceNotFoundException')
  })

  it('the primary Region cannot be updated or deleted as a replica', async () => {
    const { primary, poolId } = await replicatedPool()
    expect(
      (
        await failure(
          primary.send(
            new UpdateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: PRIMARY, Status: 'INACTIVE' }),
          ),
        )
      ).name,
    ).toBe('InvalidParameterException')
    expect(
      (await failure(primary.send(new DeleteUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: PRIMARY })))).name,
    ).toBe('InvalidParameterException')
  })

  it('deleting the primary pool deletes its replicas', async () => {
    const { simulation, primary, secondary, poolId } = await replicatedPool()
    await primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY }))
    await primary.send(new DeleteUserPoolCommand({ UserPoolId: poolId }))
    expect((await failure(secondary.send(new DescribeUserPoolCommand({ UserPoolId: poolId })))).name).toBe(
      'ResourceNotFoundException',
    )
    expect(simulation.snapshot().partitions.flatMap((p) => Object.keys(p.tables))).not.toContain('replicas')
  })

  it('a replica refused half-way leaves the state as it was', async () => {
    const { simulation, primary, poolId } = await replicatedPool()
    await primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: SECONDARY }))
    const before = simulation.snapshot()
    await failure(primary.send(new CreateUserPoolReplicaCommand({ UserPoolId: poolId, RegionName: 'ap-south-1' })))
    expect(simulation.snapshot()).toEqual(before)
  })
})
