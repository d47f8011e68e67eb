import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeJwt } from '../../../../src/core/shared/jwt.js'
import { createCognito } from '../../../../src/core/simulation/index.js'

const POOL = 'us-east-1_PropToken'
const CLIENT = 'proptokenclient00000000000'
type Details = NonNullable<PreTokenGenerationV2TriggerEvent['response']['claimsAndScopeOverrideDetails']>

/** Claims a function may add: names that are none of Cognito's own, with the value types V2 accepts. */
const claimName = fc.constantFrom('tenant', 'plan', 'region_code', 'custom:level', 'given_name', 'email')
const claimValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
)
const claims = fc.dictionary(claimName, claimValue, { maxKeys: 4 })
const suppressed = fc.uniqueArray(claimName, { maxLength: 3 })
const scope = fc.constantFrom('orders/read', 'orders/write', 'reports/read')

/**
 * Every valid V2 answer: claims added and suppressed in each token, scopes added to the access token. Cast because
 * @types/aws-lambda types V2 claim values as strings, though Cognito takes numbers, booleans and arrays too.
 */
const overrides = fc.record({
  idTokenGeneration: fc.record({ claimsToAddOrOverride: claims, claimsToSuppress: suppressed }),
  accessTokenGeneration: fc.record({
    claimsToAddOrOverride: claims,
    claimsToSuppress: suppressed,
    scopesToAdd: fc.uniqueArray(scope, { maxLength: 3 }),
  }),
}) as unknown as fc.Arbitrary<Details>

function expectApplied(payload: Record<string, unknown>, generation: Details['idTokenGeneration']): void {
  for (const [name, value] of Object.entries(generation?.claimsToAddOrOverride ?? {}))
    if (!generation?.claimsToSuppress?.includes(name)) expect(payload[name]).toEqual(value)
  for (const name of generation?.claimsToSuppress ?? []) expect(payload).not.toHaveProperty(name)
}

describe('PreTokenGeneration V2, any valid answer', () => {
  it('signs in, and the tokens carry exactly the overrides while Cognito keeps its own claims', async () => {
    let answer: Details = {}
    const simulation = createCognito({
      lambdas: {
        token: async (event: PreTokenGenerationV2TriggerEvent) => {
          event.response.claimsAndScopeOverrideDetails = answer
          return event
        },
      },
    })
    await simulation.seed({
      userPools: [
        {
          PoolName: 'property',
          Id: POOL,
          LambdaConfig: {
            PreTokenGenerationConfig: {
              LambdaVersion: 'V2_0',
              LambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:token',
            },
          },
          Clients: [{ ClientName: 'web', ClientId: CLIENT, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }],
          Users: [{ username: 'jane', password: 'Correct-Horse-1', attributes: { email: 'jane@example.com' } }],
        },
      ],
    })
    await fc.assert(
      fc.asyncProperty(overrides, async (details) => {
        answer = details
        const { AuthenticationResult } = await simulation.send('InitiateAuth', {
          ClientId: CLIENT,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'jane', PASSWORD: 'Correct-Horse-1' },
        })
        const id = decodeJwt(AuthenticationResult!.IdToken!)!.payload
        const access = decodeJwt(AuthenticationResult!.AccessToken!)!.payload
        expectApplied(id, details.idTokenGeneration)
        expectApplied(access, details.accessTokenGeneration)
        expect(access['scope']).toBe(
          ['aws.cognito.signin.user.admin', ...(details.accessTokenGeneration?.scopesToAdd ?? [])].join(' '),
        )
        expect(id).toMatchObject({ 'cognito:username': 'jane', token_use: 'id', aud: CLIENT })
        expect(access).toMatchObject({ username: 'jane', token_use: 'access', client_id: CLIENT })
      }),
      { numRuns: 40 },
    )
  })
})
