import type { CustomMessageTriggerHandler, PostConfirmationTriggerHandler, PreSignUpTriggerHandler } from 'aws-lambda'
import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_Triggers1'
const CLIENT = 'triggerclient0000000000000'
const SENDERS = 'us-east-1_Senders01'
const SENDERS_CLIENT = 'senderclient00000000000000'
const arn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`

/** What each function does in the current test; reset after each. */
const behaviour: {
  preSignUp: PreSignUpTriggerHandler
  customMessage: CustomMessageTriggerHandler
  postConfirmation: PostConfirmationTriggerHandler
} = {
  preSignUp: async (event) => event,
  customMessage: async (event) => event,
  postConfirmation: async (event) => event,
}
const defaults = { ...behaviour }

// Production-shaped handlers, typed by @types/aws-lambda, handed in unchanged.
const preSignUp: PreSignUpTriggerHandler = (event, context, callback) => behaviour.preSignUp(event, context, callback)
const customMessage: CustomMessageTriggerHandler = (event, context, callback) =>
  behaviour.customMessage(event, context, callback)
const postConfirmation: PostConfirmationTriggerHandler = (event, context, callback) =>
  behaviour.postConfirmation(event, context, callback)

const w = world(
  {
    userPools: [
      {
        PoolName: 'triggers',
        Id: POOL,
        AutoVerifiedAttributes: ['email'],
        LambdaConfig: {
          PreSignUp: arn('preSignUp'),
          PostConfirmation: arn('postConfirmation'),
          CustomMessage: arn('customMessage'),
        },
        Clients: [{ ClientName: 'web', ClientId: CLIENT }],
      },
      {
        PoolName: 'senders',
        Id: SENDERS,
        AutoVerifiedAttributes: ['email'],
        LambdaConfig: {
          CustomEmailSender: { LambdaVersion: 'V1_0', LambdaArn: arn('emailSender') },
          KMSKeyID: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        },
        Clients: [{ ClientName: 'web', ClientId: SENDERS_CLIENT }],
      },
    ],
  },
  1,
  {
    lambdas: {
      preSignUp,
      postConfirmation,
      [arn('customMessage')]: customMessage,
      emailSender: async (event: unknown) => event,
    },
  },
)
afterEach(async () => {
  Object.assign(behaviour, defaults)
  await w.reset()
})

const signUp = (Username = 'jane', extra: Record<string, unknown> = {}) =>
  w.call('SignUp', {
    ClientId: CLIENT,
    Username,
    Password: 'Correct-Horse-1',
    UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }],
    ...extra,
  })

describe('PreSignUp and PostConfirmation', () => {
  it('PreSignUp_SignUp gets the attributes, validation data and client metadata, and may auto-confirm', async () => {
    behaviour.preSignUp = async (event) => {
      event.response.autoConfirmUser = true
      event.response.autoVerifyEmail = true
      return event
    }
    const result = await signUp('jane', {
      ValidationData: [{ Name: 'invite', Value: 'abc' }],
      ClientMetadata: { source: 'landing' },
    })
    expect(result).toMatchObject({ UserConfirmed: true })
    expect(result['CodeDeliveryDetails']).toBeUndefined()
    const user = await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })
    expect(user['UserStatus']).toBe('CONFIRMED')
    expect(user['UserAttributes']).toContainEqual({ Name: 'email_verified', Value: 'true' })
    expect(w.cognito.messages()).toEqual([])
    const [pre, post] = w.simulation.invocations()
    expect(pre).toMatchObject({
      trigger: 'PreSignUp',
      functionArn: arn('preSignUp'),
      event: {
        version: '1',
        triggerSource: 'PreSignUp_SignUp',
        region: 'us-east-1',
        userPoolId: POOL,
        userName: 'jane',
        callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: CLIENT },
        request: {
          userAttributes: { email: 'jane@example.com' },
          validationData: { invite: 'abc' },
          clientMetadata: { source: 'landing' },
        },
        response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
      },
    })
    expect(post).toMatchObject({
      trigger: 'PostConfirmation',
      event: {
        triggerSource: 'PostConfirmation_ConfirmSignUp',
        request: {
          userAttributes: { email: 'jane@example.com', email_verified: 'true', 'cognito:user_status': 'CONFIRMED' },
          clientMetadata: { source: 'landing' },
        },
      },
    })
  })

  it('refuses auto-verification of a user PreSignUp does not auto-confirm, as Cognito does (no user is made)', async () => {
    behaviour.preSignUp = async (event) => {
      event.response.autoVerifyEmail = true
      return event
    }
    expect(
      await w.failure('SignUp', {
        ClientId: CLIENT,
        Username: 'jane',
        Password: 'Correct-Horse-1',
        UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
      }),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Phone or email cannot be auto verified, when user is not being auto confirmed.',
    })
    expect((await w.failure('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })).name).toBe('UserNotFoundException')
  })

  it('sends validationData null when the call sent none, and leaves the user unconfirmed by default', async () => {
    const result = await signUp()
    expect(result).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } })
    expect(w.simulation.invocations({ trigger: 'PreSignUp' })[0]!.event['request']).toEqual({
      userAttributes: { email: 'jane@example.com' },
      validationData: null,
    })
  })

  it('a throw refuses the sign-up with UserLambdaValidationException and leaves no user', async () => {
    behaviour.preSignUp = async () => {
      throw new Error('Registration from this domain is not allowed.')
    }
    expect(await w.failure('SignUp', { ClientId: CLIENT, Username: 'jane', Password: 'Correct-Horse-1' })).toEqual({
      name: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error Registration from this domain is not allowed..',
    })
    expect(await w.failure('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })).toMatchObject({
      name: 'UserNotFoundException',
    })
    expect(w.simulation.invocations()[0]!.error).toEqual({
      type: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error Registration from this domain is not allowed..',
    })
  })

  it('a callback-style handler works as in Lambda', async () => {
    behaviour.preSignUp = (event, _context, callback) => {
      event.response.autoConfirmUser = true
      callback(null, event)
    }
    expect(await signUp()).toMatchObject({ UserConfirmed: true })
  })

  it('ConfirmSignUp fires PostConfirmation_ConfirmSignUp, and its failure undoes the confirmation', async () => {
    await signUp()
    const code = w.cognito.lastCode({ username: 'jane' })!
    behaviour.postConfirmation = async () => {
      throw new Error('database unavailable')
    }
    expect(await w.failure('ConfirmSignUp', { ClientId: CLIENT, Username: 'jane', ConfirmationCode: code })).toEqual({
      name: 'UserLambdaValidationException',
      message: 'PostConfirmation failed with error database unavailable.',
    })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))['UserStatus']).toBe('UNCONFIRMED')
    behaviour.postConfirmation = async (event) => event
    await w.call('ConfirmSignUp', { ClientId: CLIENT, Username: 'jane', ConfirmationCode: code })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))['UserStatus']).toBe('CONFIRMED')
    expect(w.simulation.invocations({ trigger: 'PostConfirmation' }).map((i) => i.error?.type ?? 'ok')).toEqual([
      'UserLambdaValidationException',
      'ok',
    ])
  })

  it('AdminCreateUser fires PreSignUp_AdminCreateUser with the admin client id, and ignores its flags', async () => {
    behaviour.preSignUp = async (event) => {
      event.response.autoConfirmUser = true
      return event
    }
    await w.call('AdminCreateUser', {
      UserPoolId: POOL,
      Username: 'joe',
      UserAttributes: [{ Name: 'email', Value: 'joe@example.com' }],
      DesiredDeliveryMediums: ['EMAIL'],
    })
    const user = await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'joe' })
    expect(user['UserStatus']).toBe('FORCE_CHANGE_PASSWORD')
    expect(w.simulation.invocations({ trigger: 'PreSignUp' })[0]!.event).toMatchObject({
      triggerSource: 'PreSignUp_AdminCreateUser',
      callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' },
    })
    expect(w.simulation.invocations({ trigger: 'CustomMessage' })[0]!.event).toMatchObject({
      triggerSource: 'CustomMessage_AdminCreateUser',
      request: { codeParameter: '{####}', usernameParameter: '{username}' },
    })
  })
})

describe('CustomMessage', () => {
  it('the messages become what the function returns, with the code put in', async () => {
    behaviour.customMessage = async (event) => {
      if (event.triggerSource === 'CustomMessage_SignUp') {
        event.response.emailSubject = 'Welcome aboard'
        event.response.emailMessage = `Hi ${event.request.userAttributes['email']}, your code is ${event.request.codeParameter}`
      }
      return event
    }
    await signUp()
    const [message] = w.cognito.messages()
    expect(message).toMatchObject({ kind: 'SignUp', subject: 'Welcome aboard' })
    expect(message!.message).toBe(`Hi jane@example.com, your code is ${message!.code}`)
  })

  it('null members keep the pool template', async () => {
    await signUp()
    expect(w.cognito.messages()[0]!.message).toBe(`Your verification code is ${w.cognito.lastCode()}. `)
  })

  it('a throw fails the call that sends the message', async () => {
    behaviour.customMessage = async () => {
      throw new Error('template service down')
    }
    expect(
      await w.failure('SignUp', {
        ClientId: CLIENT,
        Username: 'jane',
        Password: 'Correct-Horse-1',
        UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
      }),
    ).toEqual({
      name: 'UserLambdaValidationException',
      message: 'CustomMessage failed with error template service down.',
    })
    expect(w.cognito.messages()).toEqual([])
  })
})

describe('CustomEmailSender', () => {
  it('hands the message to the function with its code (in plain text here; KMS-encrypted by Cognito)', async () => {
    await w.call('SignUp', {
      ClientId: SENDERS_CLIENT,
      Username: 'jane',
      Password: 'Correct-Horse-1',
      UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
    })
    const [sent] = w.simulation.invocations({ trigger: 'CustomEmailSender' })
    expect(sent!.event).toMatchObject({
      triggerSource: 'CustomEmailSender_SignUp',
      request: {
        type: 'customEmailSenderRequestV1',
        code: w.cognito.lastCode({ userPoolId: SENDERS }),
        userAttributes: { email: 'jane@example.com' },
      },
    })
  })
})
