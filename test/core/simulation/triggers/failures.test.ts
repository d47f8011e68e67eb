import { afterEach, describe, expect, it } from 'vitest'
import { lambdaRuntime } from '../../../../src/core/simulation/triggers/runtime.js'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_Failures1'
const CLIENT = 'failuresclient000000000000'
const arn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`

let handler: (event: Record<string, unknown>) => unknown = (event) => event
const w = world(
  {
    userPools: [
      {
        PoolName: 'failures',
        Id: POOL,
        LambdaConfig: { PreSignUp: `${arn('preSignUp')}:live`, PostConfirmation: arn('missing') },
        Clients: [{ ClientName: 'web', ClientId: CLIENT }],
      },
    ],
  },
  1,
  { lambdas: { preSignUp: async (event: Record<string, unknown>) => handler(event) }, lambdaTimeout: 50 },
)
afterEach(async () => {
  handler = (event) => event
  await w.reset()
})

const signUp = () => w.failure('SignUp', { ClientId: CLIENT, Username: 'jane', Password: 'Correct-Horse-1' })

describe('a trigger that fails fails the call as Cognito reports it, and changes nothing', () => {
  it('a function slower than the timeout: UnexpectedLambdaException', async () => {
    handler = (event) => new Promise((resolve) => setTimeout(() => resolve(event), 500))
    expect(await signUp()).toEqual({
      name: 'UnexpectedLambdaException',
      message: 'PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.',
    })
  })

  it('nothing back: InvalidLambdaResponseException "Invalid JSON"', async () => {
    for (const result of [undefined, null, 'ok', [1]]) {
      handler = () => result
      expect(await signUp()).toEqual({
        name: 'InvalidLambdaResponseException',
        message: 'Invalid lambda function output : Invalid JSON',
      })
    }
  })

  it('an event Cognito does not recognise: "Unrecognizable lambda output"', async () => {
    const broken: Array<(event: Record<string, unknown>) => unknown> = [
      (event) => ({ ...event, response: { autoConfirmUser: 'yes' } }),
      (event) => ({ ...event, response: { somethingElse: true } }),
      (event) => ({ ...event, userName: 'someone-else' }),
      ({ response }) => ({ response }),
    ]
    for (const next of broken) {
      handler = next
      expect(await signUp()).toEqual({
        name: 'InvalidLambdaResponseException',
        message: 'Unrecognizable lambda output',
      })
    }
  })

  it('a thrown value that is not an Error is reported as Lambda reports its message', async () => {
    handler = () => {
      throw 'plain text'
    }
    expect(await signUp()).toEqual({
      name: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error plain text.',
    })
  })

  it('an ARN with no function behind it: UnexpectedLambdaException, and the user stays unconfirmed', async () => {
    await w.call('SignUp', { ClientId: CLIENT, Username: 'jane', Password: 'Correct-Horse-1' })
    expect(await w.failure('AdminConfirmSignUp', { UserPoolId: POOL, Username: 'jane' })).toEqual({
      name: 'UnexpectedLambdaException',
      message: 'PostConfirmation invocation failed due to error ResourceNotFoundException.',
    })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))['UserStatus']).toBe('UNCONFIRMED')
  })

  it('finds a function by its whole ARN, by the ARN without its qualifier, or by its name', () => {
    const [a, b, c] = [() => 1, () => 2, () => 3]
    const runtime = lambdaRuntime({ lambdas: { [`${arn('one')}:v2`]: a, [arn('two')]: b, three: c } })
    expect(runtime.find(`${arn('one')}:v2`)).toBe(a)
    expect(runtime.find(arn('one'))).toBeUndefined()
    expect(runtime.find(`${arn('two')}:prod`)).toBe(b)
    expect(runtime.find(`${arn('three')}:$LATEST`)).toBe(c)
    expect(runtime.find('three')).toBe(c)
    expect(runtime.timeout).toBe(5000)
  })
})
