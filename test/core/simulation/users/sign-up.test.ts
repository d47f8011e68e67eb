import { afterEach, describe, expect, it } from 'vitest'
import { secretHash } from '../../../../src/core/shared/crypto.js'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_SignUp001'
const CLIENT = 'signupclient0000000000000a'
const SECRET_CLIENT = 'signupsecret00000000000000'
const HIDING_CLIENT = 'signuphiding00000000000000'
const w = world({
  userPools: [
    {
      PoolName: 'sign-up',
      Id: POOL,
      AutoVerifiedAttributes: ['email'],
      AliasAttributes: ['email'],
      Schema: [
        { Name: 'given_name', Required: true },
        { Name: 'plan', AttributeDataType: 'String', Mutable: true },
      ],
      Clients: [
        { ClientName: 'web', ClientId: CLIENT },
        { ClientName: 'server', ClientId: SECRET_CLIENT, ClientSecret: 'a'.repeat(52) },
        { ClientName: 'hiding', ClientId: HIDING_CLIENT, PreventUserExistenceErrors: 'ENABLED' },
      ],
    },
  ],
})
afterEach(() => w.reset())

const jane = {
  ClientId: CLIENT,
  Username: 'jane',
  Password: 'Correct-Horse-1',
  UserAttributes: [
    { Name: 'email', Value: 'jane@example.com' },
    { Name: 'given_name', Value: 'Jane' },
  ],
}

describe('SignUp', () => {
  it('creates an UNCONFIRMED user and sends a code to the auto-verified email', async () => {
    const result = await w.call('SignUp', jane)
    expect(result).toMatchObject({
      UserConfirmed: false,
      CodeDeliveryDetails: { Destination: 'j***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    })
    const user = await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })
    expect(user).toMatchObject({ Username: 'jane', UserStatus: 'UNCONFIRMED', Enabled: true })
    expect((user['UserAttributes'] as Array<{ Name: string }>).map((a) => a.Name)).toEqual([
      'sub',
      'email',
      'given_name',
    ])
    const [message] = w.simulation.messages({ username: 'jane' })
    expect(message).toMatchObject({
      kind: 'SignUp',
      medium: 'EMAIL',
      destination: 'jane@example.com',
      attribute: 'email',
      userPoolId: POOL,
    })
    expect(message!.code).toMatch(/^\d{6}$/)
  })

  it('sends no code when the pool verifies nothing the user gave', async () => {
    const result = await w.call('SignUp', { ...jane, UserAttributes: [{ Name: 'given_name', Value: 'Jane' }] })
    expect(result['CodeDeliveryDetails']).toBeUndefined()
    expect(w.simulation.messages()).toEqual([])
  })

  it.each([
    [
      { ...jane, ClientId: 'nosuchclient000000000000000' },
      'ResourceNotFoundException',
      'User pool client nosuchclient000000000000000 does not exist.',
    ],
    [
      { ...jane, Password: 'short' },
      'InvalidPasswordException',
      'Password did not conform with policy: Password not long enough',
    ],
    [
      { ...jane, Password: 'correct-horse-1' },
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have uppercase characters',
    ],
    [
      { ...jane, Password: 'CORRECT-HORSE-1' },
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have lowercase characters',
    ],
    [
      { ...jane, Password: 'Correct-Horse-X' },
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have numeric characters',
    ],
    [
      { ...jane, Password: 'CorrectHorse11' },
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have symbol characters',
    ],
    [
      { ...jane, UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }] },
      'InvalidParameterException',
      'Attributes did not conform to the schema: given_name: The attribute given_name is required\n',
    ],
    [
      { ...jane, UserAttributes: [...jane.UserAttributes, { Name: 'plan', Value: 'pro' }] },
      'InvalidParameterException',
      'Attributes did not conform to the schema: plan: Attribute does not exist in the schema.\n',
    ],
    [
      {
        ...jane,
        UserAttributes: [
          { Name: 'email', Value: 'not an address' },
          { Name: 'given_name', Value: 'J' },
        ],
      },
      'InvalidParameterException',
      'Invalid email address format.',
    ],
    [
      { ...jane, UserAttributes: [...jane.UserAttributes, { Name: 'phone_number', Value: '555-1234' }] },
      'InvalidParameterException',
      'Invalid phone number format.',
    ],
    [
      { ...jane, Username: 'jane@example.com' },
      'InvalidParameterException',
      'Username cannot be of email format, since user pool is configured for email alias.',
    ],
  ])("refuses %j with Cognito's %s", async (input, name, message) => {
    expect(await w.failure('SignUp', input)).toEqual({ name, message })
    expect(w.simulation.snapshot().partitions.flatMap((p) => p.tables.users ?? [])).toEqual([])
  })

  it('refuses a taken username, whatever the client hides', async () => {
    await w.call('SignUp', jane)
    expect(await w.failure('SignUp', jane)).toEqual({ name: 'UsernameExistsException', message: 'User already exists' })
    expect(await w.failure('SignUp', { ...jane, ClientId: HIDING_CLIENT })).toEqual({
      name: 'UsernameExistsException',
      message: 'User already exists',
    })
  })

  it('takes custom attributes by their custom: name', async () => {
    await w.call('SignUp', { ...jane, UserAttributes: [...jane.UserAttributes, { Name: 'custom:plan', Value: 'pro' }] })
    const user = await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })
    expect(user['UserAttributes']).toContainEqual({ Name: 'custom:plan', Value: 'pro' })
  })

  it("checks SECRET_HASH for a client with a secret, with Cognito's messages", async () => {
    const input = { ...jane, ClientId: SECRET_CLIENT }
    expect(await w.failure('SignUp', input)).toEqual({
      name: 'NotAuthorizedException',
      message: `Client ${SECRET_CLIENT} is configured with secret but SECRET_HASH was not received`,
    })
    expect(await w.failure('SignUp', { ...input, SecretHash: 'bm90IHRoZSBoYXNo' })).toEqual({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${SECRET_CLIENT}`,
    })
    const result = await w.call('SignUp', { ...input, SecretHash: secretHash('a'.repeat(52), `jane${SECRET_CLIENT}`) })
    expect(result['UserConfirmed']).toBe(false)
  })
})

describe('ConfirmSignUp', () => {
  const code = () => w.simulation.lastCode({ username: 'jane' })!

  it('confirms the user and verifies the address the code went to', async () => {
    await w.call('SignUp', jane)
    await w.call('ConfirmSignUp', { ClientId: CLIENT, Username: 'jane', ConfirmationCode: code() })
    const user = await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })
    expect(user['UserStatus']).toBe('CONFIRMED')
    expect(user['UserAttributes']).toContainEqual({ Name: 'email_verified', Value: 'true' })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane@example.com' }))['Username']).toBe('jane')
    expect(await w.failure('ConfirmSignUp', { ClientId: CLIENT, Username: 'jane', ConfirmationCode: code() })).toEqual({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    })
  })

  it('refuses a wrong code, an expired one, and counts attempts', async () => {
    await w.call('SignUp', jane)
    const wrong = { ClientId: CLIENT, Username: 'jane', ConfirmationCode: '000000' }
    expect(await w.failure('ConfirmSignUp', wrong)).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    })
    w.advance(86_401)
    expect(await w.failure('ConfirmSignUp', { ...wrong, ConfirmationCode: code() })).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    })
    for (let i = 0; i < 14; i++) await w.failure('ConfirmSignUp', wrong)
    expect(await w.failure('ConfirmSignUp', wrong)).toEqual({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    })
    w.advance(3_601)
    expect((await w.failure('ConfirmSignUp', wrong)).name).toBe('CodeMismatchException')
  })

  it('answers an unknown user as the client says: UserNotFoundException, or a code mismatch that reveals nothing', async () => {
    expect(
      await w.failure('ConfirmSignUp', { ClientId: CLIENT, Username: 'nobody', ConfirmationCode: '123456' }),
    ).toEqual({ name: 'UserNotFoundException', message: 'Username/client id combination not found.' })
    expect(
      await w.failure('ConfirmSignUp', { ClientId: HIDING_CLIENT, Username: 'nobody', ConfirmationCode: '123456' }),
    ).toEqual({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' })
  })

  it('keeps an email alias with its confirmed owner unless ForceAliasCreation moves it', async () => {
    await w.call('SignUp', jane)
    await w.call('ConfirmSignUp', { ClientId: CLIENT, Username: 'jane', ConfirmationCode: code() })
    const shirley = {
      ...jane,
      Username: 'shirley',
      UserAttributes: [
        { Name: 'email', Value: 'jane@example.com' },
        { Name: 'given_name', Value: 'Shirley' },
      ],
    }
    await w.call('SignUp', shirley)
    const confirm = {
      ClientId: CLIENT,
      Username: 'shirley',
      ConfirmationCode: w.simulation.lastCode({ username: 'shirley' })!,
    }
    expect(await w.failure('ConfirmSignUp', confirm)).toEqual({
      name: 'AliasExistsException',
      message: 'An account with the email already exists.',
    })
    await w.call('ConfirmSignUp', { ...confirm, ForceAliasCreation: true })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane@example.com' }))['Username']).toBe(
      'shirley',
    )
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))['UserAttributes']).toContainEqual({
      Name: 'email_verified',
      Value: 'false',
    })
  })
})

describe('ResendConfirmationCode and AdminConfirmSignUp', () => {
  it('sends a new code that replaces the old one', async () => {
    await w.call('SignUp', jane)
    const first = w.simulation.lastCode({ username: 'jane' })!
    const resent = await w.call('ResendConfirmationCode', { ClientId: CLIENT, Username: 'jane' })
    expect(resent['CodeDeliveryDetails']).toEqual({
      Destination: 'j***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    })
    const second = w.simulation.lastCode({ username: 'jane' })!
    expect(w.simulation.messages({ username: 'jane' }).map((m) => m.kind)).toEqual(['SignUp', 'ResendCode'])
    if (first !== second)
      expect(
        (await w.failure('ConfirmSignUp', { ClientId: CLIENT, Username: 'jane', ConfirmationCode: first })).name,
      ).toBe('CodeMismatchException')
    await w.call('ConfirmSignUp', { ClientId: CLIENT, Username: 'jane', ConfirmationCode: second })
    expect(await w.failure('ResendConfirmationCode', { ClientId: CLIENT, Username: 'jane' })).toEqual({
      name: 'InvalidParameterException',
      message: 'User is already confirmed.',
    })
  })

  it("refuses a resend when the pool auto-verifies nothing the user has, in Cognito's words", async () => {
    await w.call('SignUp', { ...jane, UserAttributes: [{ Name: 'given_name', Value: 'Jane' }] })
    expect(await w.failure('ResendConfirmationCode', { ClientId: CLIENT, Username: 'jane' })).toEqual({
      name: 'InvalidParameterException',
      message: 'Cannot resend codes. Auto verification not turned on.',
    })
  })

  it('simulates a delivery for unknown users behind a hiding client, and refuses them otherwise', async () => {
    expect(await w.failure('ResendConfirmationCode', { ClientId: CLIENT, Username: 'nobody' })).toEqual({
      name: 'UserNotFoundException',
      message: 'Username/client id combination not found.',
    })
    const simulated = await w.call('ResendConfirmationCode', { ClientId: HIDING_CLIENT, Username: 'nobody' })
    expect(simulated['CodeDeliveryDetails']).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' })
    expect(w.simulation.messages()).toEqual([])
  })

  it('allows five resends an hour', async () => {
    await w.call('SignUp', jane)
    for (let i = 0; i < 5; i++) await w.call('ResendConfirmationCode', { ClientId: CLIENT, Username: 'jane' })
    expect((await w.failure('ResendConfirmationCode', { ClientId: CLIENT, Username: 'jane' })).name).toBe(
      'LimitExceededException',
    )
  })

  it('AdminConfirmSignUp confirms without a code and verifies nothing', async () => {
    await w.call('SignUp', jane)
    await w.call('AdminConfirmSignUp', { UserPoolId: POOL, Username: 'jane' })
    const user = await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })
    expect(user['UserStatus']).toBe('CONFIRMED')
    expect(user['UserAttributes']).not.toContainEqual({ Name: 'email_verified', Value: 'true' })
    expect(await w.failure('AdminConfirmSignUp', { UserPoolId: POOL, Username: 'jane' })).toEqual({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    })
    expect(await w.failure('AdminConfirmSignUp', { UserPoolId: POOL, Username: 'nobody' })).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    })
  })
})
