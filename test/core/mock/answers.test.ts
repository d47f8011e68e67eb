import {
  CognitoIdentityProviderClient,
  DescribeRiskConfigurationCommand,
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
  paginateAdminListUserAuthEvents,
  paginateListGroups,
  paginateListUsers,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { cognitoRequestHandler } from '../../../src/adapters/sdk/index.js'
import { createCognitoMock, SOURCE_HEADER } from '../../../src/core/mock/mock.js'
import type { CognitoMockOptions } from '../../../src/core/mock/options.js'
import { type Cognito, createCognito } from '../../../src/core/simulation/index.js'

/**
 * Handlers whose simulation does not implement GetLogDeliveryConfiguration, standing for an operation the simulation
 * does not implement yet (so the test holds once every operation of the model is simulated).
 */
const withUnsimulated = (options: CognitoMockOptions = {}) => {
  const simulation = createCognito()
  const partial: Cognito = {
    ...simulation,
    implements: (operation: string): operation is never =>
      operation !== 'GetLogDeliveryConfiguration' && simulation.implements(operation),
  }
  return cognitoRequestHandler(createCognitoMock({ ...options, simulation: partial }))
}

const client = (handler: ReturnType<typeof cognitoRequestHandler>) =>
  new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: handler as never,
  })

describe('generated answers', () => {
  it("end: the SDK's paginators terminate and no token repeats", async () => {
    const handler = cognitoRequestHandler({ mode: 'generated', seed: 3 })
    for (const seed of [1, 2, 3]) {
      const pages = []
      const tokens = new Set<string>()
      for await (const page of paginateListUsers(
        { client: client(handler) },
        { UserPoolId: `us-east-1_Page${seed}0000` },
      )) {
        pages.push(page)
        if (page.PaginationToken) {
          expect(tokens.has(page.PaginationToken)).toBe(false)
          tokens.add(page.PaginationToken)
        }
        expect(pages.length).toBeLessThan(5)
      }
    }
    const groups = []
    for await (const page of paginateListGroups({ client: client(handler) }, { UserPoolId: 'us-east-1_Page00000' }))
      groups.push(page)
    expect(groups.length).toBeLessThanOrEqual(2)
    const events = []
    for await (const page of paginateAdminListUserAuthEvents(
      { client: client(handler) },
      { UserPoolId: 'us-east-1_Page00000', Username: 'jane', MaxResults: 5 },
    ))
      events.push(page)
    expect(events.length).toBeLessThanOrEqual(2)
  })

  it('in auto mode, refuse a pool the simulation does not hold, as simulated operations do', async () => {
    const handler = withUnsimulated({ fixtures: { userPools: [{ PoolName: 'p', Id: 'us-east-1_Known0001' }] } })
    await expect(
      client(handler).send(new GetLogDeliveryConfigurationCommand({ UserPoolId: 'us-east-1_Unknown01' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Unknown01 does not exist.',
    })
    const known = await client(handler).send(
      new GetLogDeliveryConfigurationCommand({ UserPoolId: 'us-east-1_Known0001' }),
    )
    expect(known.LogDeliveryConfiguration).toBeDefined()
  })

  it('say what answered them, in a header and in calls()', async () => {
    const handler = withUnsimulated({
      fixtures: { userPools: [{ PoolName: 'p', Id: 'us-east-1_Known0001' }] },
      operations: { DescribeRiskConfiguration: { response: { RiskConfiguration: {} } } },
    })
    const answer = async (target: string, body: unknown) =>
      (
        await handler.handle({
          method: 'POST',
          protocol: 'https:',
          hostname: 'cognito-idp.us-east-1.amazonaws.com',
          path: '/',
          headers: {
            'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
            'content-type': 'application/x-amz-json-1.1',
          },
          body: JSON.stringify(body),
        })
      ).response.headers[SOURCE_HEADER]
    expect(await answer('DescribeUserPool', { UserPoolId: 'us-east-1_Known0001' })).toBe('simulation')
    expect(await answer('GetLogDeliveryConfiguration', { UserPoolId: 'us-east-1_Known0001' })).toBe('generated')
    expect(await answer('DescribeRiskConfiguration', { UserPoolId: 'us-east-1_Known0001' })).toBe('override')
    expect(await answer('DescribeUserPool', { UserPoolId: 'not a pool id' })).toBe('protocol')
    expect(handler.calls().map((c) => [c.operation, c.source, c.region])).toEqual([
      ['DescribeUserPool', 'simulation', 'us-east-1'],
      ['GetLogDeliveryConfiguration', 'generated', 'us-east-1'],
      ['DescribeRiskConfiguration', 'override', 'us-east-1'],
      ['DescribeUserPool', 'protocol', 'us-east-1'],
    ])
    await client(handler).send(new DescribeRiskConfigurationCommand({ UserPoolId: 'us-east-1_Known0001' }))
  })
})

describe('generated answers, drawn once', () => {
  it('answer a repeated request alike, each time with a copy a test may change', async () => {
    const handler = cognitoRequestHandler({ mode: 'generated', seed: 5 })
    const input = { UserPoolId: 'us-east-1_Repeat001' }
    const first = await client(handler).send(new DescribeRiskConfigurationCommand(input))
    const recorded = handler.calls()[0]!.output as { RiskConfiguration: Record<string, unknown> }
    recorded.RiskConfiguration['UserPoolId'] = 'changed by the test'
    const second = await client(handler).send(new DescribeRiskConfigurationCommand(input))
    expect(second.RiskConfiguration).toEqual(first.RiskConfiguration)
    expect(second.RiskConfiguration!.UserPoolId).toBe('us-east-1_Repeat001')
  })

  it("give calls() the test's own copy of an answer the simulation gives again", async () => {
    const handler = cognitoRequestHandler({ mode: 'simulation' })
    const { UserPool } = await handler.simulation.send('CreateUserPool', { PoolName: 'kept' })
    const input = { UserPoolId: UserPool!.Id! }
    await client(handler).send(new DescribeUserPoolCommand(input))
    const recorded = handler.calls('DescribeUserPool')[0]!.output as { UserPool: Record<string, unknown> }
    expect(Object.isFrozen(recorded.UserPool)).toBe(false)
    recorded.UserPool['Name'] = 'changed by the test'
    const second = await client(handler).send(new DescribeUserPoolCommand(input))
    expect(second.UserPool!.Name).toBe('kept')
    const again = handler.calls('DescribeUserPool')[1]!.output as { UserPool: Record<string, unknown> }
    expect(again.UserPool['Name']).toBe('kept')
  })
})
