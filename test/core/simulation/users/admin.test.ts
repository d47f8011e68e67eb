import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const POOL = 'us-east-1_Admin0001'
const EMAIL_POOL = 'us-east-1_Email0001'
const w = world({
  userPools: [
    {
      PoolName: 'admin',
      Id: POOL,
      AutoVerifiedAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 10,
          RequireNumbers: true,
          PasswordHistorySize: 2,
          TemporaryPasswordValidityDays: 3,
        },
      },
      Schema: [{ Name: 'employee_id', AttributeDataType: 'String', Mutable: false }],
    },
    { PoolName: 'email-as-username', Id: EMAIL_POOL, UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] },
  ],
})
afterEach(() => w.reset())

const create = (extra: Record<string, unknown> = {}) =>
  w.call('AdminCreateUser', {
    UserPoolId: POOL,
    Username: 'Jane',
    UserAttributes: [
      { Name: 'email', Value: 'jane@example.com' },
      { Name: 'name', Value: 'Jane Doe' },
    ],
    DesiredDeliveryMediums: ['EMAIL'],
    ...extra,
  })

describe('AdminCreateUser', () => {
  it('creates a FORCE_CHANGE_PASSWORD user, sub first, and invites it with a temporary password that fits the policy', async () => {
    const { User } = (await create()) as {
      User: {
        Username: string
        Attributes: Array<{ Name: string; Value: string }>
        UserStatus: string
        Enabled: boolean
      }
    }
    expect(User).toMatchObject({ Username: 'Jane', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true })
    expect(User.Attributes.map((a) => a.Name)).toEqual(['sub', 'email', 'name'])
    expect(User.Attributes[0]!.Value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const [invite] = w.simulation.messages({ kind: 'AdminCreateUser' })
    expect(invite).toMatchObject({
      medium: 'EMAIL',
      destination: 'jane@example.com',
      subject: 'Your temporary password',
    })
    expect(invite!.message).toBe(`Your username is Jane and temporary password is ${invite!.temporaryPassword}. `)
    expect(invite!.temporaryPassword!.length).toBeGreaterThanOrEqual(10)
    expect(invite!.temporaryPassword).toMatch(/\d/)
  })

  it("sends nothing when suppressed, renders the pool's invitation template, and resends with RESEND", async () => {
    await create({ MessageAction: 'SUPPRESS', TemporaryPassword: 'Temporary-Pass-1' })
    expect(w.simulation.messages()).toEqual([])
    await w.call('UpdateUserPool', {
      UserPoolId: POOL,
      AutoVerifiedAttributes: ['email'],
      Policies: { PasswordPolicy: { MinimumLength: 10, RequireNumbers: true } },
      AdminCreateUserConfig: {
        InviteMessageTemplate: {
          EmailSubject: 'Welcome {username}',
          EmailMessage: 'Hello {username}, use {####} to sign in.',
        },
      },
    })
    await w.call('AdminCreateUser', {
      UserPoolId: POOL,
      Username: 'jane',
      MessageAction: 'RESEND',
      DesiredDeliveryMediums: ['EMAIL'],
    })
    const [invite] = w.simulation.messages()
    expect(invite!.subject).toBe('Welcome Jane')
    expect(invite!.message).toBe(`Hello Jane, use ${invite!.temporaryPassword} to sign in.`)
  })

  it('creates a user with an email and no phone number by the default medium (SMS), sending nothing', async () => {
    const { User } = (await w.call('AdminCreateUser', {
      UserPoolId: POOL,
      Username: 'Jane',
      UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
    })) as { User: { UserStatus: string } }
    expect(User.UserStatus).toBe('FORCE_CHANGE_PASSWORD')
    expect(w.simulation.messages()).toEqual([])
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'Jane' }))['UserStatus']).toBe(
      'FORCE_CHANGE_PASSWORD',
    )
  })

  it.each([
    [
      { TemporaryPassword: 'short-1' },
      'InvalidPasswordException',
      'Password did not conform with password policy: Password not long enough',
    ],
    [
      { TemporaryPassword: 'long-enough-but-no-digit' },
      'InvalidPasswordException',
      'Password did not conform with password policy: Password must have numeric characters',
    ],
    [
      { UserAttributes: [{ Name: 'nickname', Value: 'j' }] },
      'InvalidParameterException',
      'No email provided but desired delivery medium was Email',
    ],
    [
      { UserAttributes: [{ Name: 'phone_number', Value: '+15555550100' }], DesiredDeliveryMediums: ['EMAIL', 'SMS'] },
      'InvalidParameterException',
      'No email provided but desired delivery medium was Email',
    ],
    [
      { DesiredDeliveryMediums: ['SMS'] },
      'InvalidParameterException',
      'No phone_number provided but desired delivery medium was Sms',
    ],
    [
      { UserAttributes: [{ Name: 'sub', Value: 'mine' }] },
      'InvalidParameterException',
      'Attributes did not conform to the schema: sub: Attribute does not exist in the schema.\n',
    ],
    [
      { UserPoolId: 'us-east-1_Missing01' },
      'ResourceNotFoundException',
      'User pool us-east-1_Missing01 does not exist.',
    ],
  ])('refuses %j with %s', async (extra, name, message) => {
    expect(
      await w.failure('AdminCreateUser', {
        UserPoolId: POOL,
        Username: 'jane',
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
        ...extra,
      }),
    ).toEqual({ name, message })
  })

  it('refuses a taken username whatever its case in a case-insensitive pool', async () => {
    await create()
    expect(
      await w.failure('AdminCreateUser', { UserPoolId: POOL, Username: 'JANE', MessageAction: 'SUPPRESS' }),
    ).toEqual({ name: 'UsernameExistsException', message: 'User account already exists' })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jAnE' }))['Username']).toBe('Jane')
  })

  it('keeps the sub as the username where the email is the username, and finds the user by email or sub', async () => {
    const { User } = (await w.call('AdminCreateUser', {
      UserPoolId: EMAIL_POOL,
      Username: 'joe@example.com',
      DesiredDeliveryMediums: ['EMAIL'],
    })) as { User: { Username: string; Attributes: Array<{ Name: string; Value: string }> } }
    const sub = User.Attributes.find((a) => a.Name === 'sub')!.Value
    expect(User.Username).toBe(sub)
    expect(User.Attributes).toContainEqual({ Name: 'email', Value: 'joe@example.com' })
    expect((await w.call('AdminGetUser', { UserPoolId: EMAIL_POOL, Username: 'joe@example.com' }))['Username']).toBe(
      sub,
    )
    expect((await w.call('AdminGetUser', { UserPoolId: EMAIL_POOL, Username: sub }))['Username']).toBe(sub)
    expect(
      await w.failure('AdminCreateUser', { UserPoolId: EMAIL_POOL, Username: 'joe', MessageAction: 'SUPPRESS' }),
    ).toEqual({ name: 'InvalidParameterException', message: 'Username should be an email.' })
    expect(
      await w.failure('AdminCreateUser', {
        UserPoolId: EMAIL_POOL,
        Username: 'joe@example.com',
        MessageAction: 'SUPPRESS',
      }),
    ).toEqual({ name: 'UsernameExistsException', message: 'An account with the given email already exists.' })
    expect(
      await w.failure('AdminCreateUser', {
        UserPoolId: EMAIL_POOL,
        Username: 'ann@example.com',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: 'other@example.com' }],
      }),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'User email should be empty or same as username, since username attribute is email',
    })
  })
})

describe('AdminGetUser, attributes, state and deletion', () => {
  it('answers as Cognito does, with no MFA members when none are set', async () => {
    await create({ MessageAction: 'SUPPRESS' })
    const user = await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })
    expect(
      Object.keys(user)
        .filter((k) => k !== '$metadata')
        .sort(),
    ).toEqual(['Enabled', 'UserAttributes', 'UserCreateDate', 'UserLastModifiedDate', 'UserStatus', 'Username'])
    expect(user['UserCreateDate']).toEqual(new Date(Date.UTC(2026, 10, 28, 12)))
    expect(await w.failure('AdminGetUser', { UserPoolId: POOL, Username: 'nobody' })).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    })
  })

  it('updates attributes: a new email is unverified and gets a code, an immutable value cannot change', async () => {
    await create({
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: 'jane@example.com' },
        { Name: 'email_verified', Value: 'True' },
        { Name: 'custom:employee_id', Value: 'E1' },
      ],
    })
    w.advance(60)
    await w.call('AdminUpdateUserAttributes', {
      UserPoolId: POOL,
      Username: 'jane',
      UserAttributes: [
        { Name: 'email', Value: 'jane@new.example.com' },
        { Name: 'name', Value: 'Jane' },
      ],
    })
    const user = await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })
    expect(user['UserAttributes']).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: 'jane@new.example.com' },
        { Name: 'email_verified', Value: 'false' },
        { Name: 'name', Value: 'Jane' },
      ]),
    )
    expect(user['UserLastModifiedDate']).toEqual(new Date(Date.UTC(2026, 10, 28, 12, 1)))
    expect(w.simulation.messages({ kind: 'UpdateUserAttribute' })).toMatchObject([
      { destination: 'jane@new.example.com', attribute: 'email' },
    ])
    expect(
      await w.failure('AdminUpdateUserAttributes', {
        UserPoolId: POOL,
        Username: 'jane',
        UserAttributes: [{ Name: 'custom:employee_id', Value: 'E2' }],
      }),
    ).toEqual({
      name: 'InvalidParameterException',
      message:
        'Attributes did not conform to the schema: custom:employee_id: Attribute cannot be updated. (changing an immutable attribute)\n',
    })
  })

  it('keeps the old email until the new one is verified where the pool requires it', async () => {
    await w.call('UpdateUserPool', {
      UserPoolId: POOL,
      AutoVerifiedAttributes: ['email'],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
    })
    await create({ MessageAction: 'SUPPRESS' })
    await w.call('AdminUpdateUserAttributes', {
      UserPoolId: POOL,
      Username: 'jane',
      UserAttributes: [{ Name: 'email', Value: 'jane@new.example.com' }],
    })
    const user = await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })
    expect(user['UserAttributes']).toContainEqual({ Name: 'email', Value: 'jane@example.com' })
    expect(w.simulation.messages()).toMatchObject([
      { kind: 'UpdateUserAttribute', destination: 'jane@new.example.com' },
    ])
  })

  it('deletes attributes but not required ones, disables and enables, deletes the user', async () => {
    await create({
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: 'jane@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
    })
    await w.call('AdminDeleteUserAttributes', { UserPoolId: POOL, Username: 'jane', UserAttributeNames: ['email'] })
    const attributes = (await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))[
      'UserAttributes'
    ] as Array<{ Name: string }>
    expect(attributes.map((a) => a.Name)).toEqual(['sub'])
    expect(
      await w.failure('AdminDeleteUserAttributes', {
        UserPoolId: POOL,
        Username: 'jane',
        UserAttributeNames: ['shoe_size'],
      }),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.\n',
    })
    await w.call('AdminDisableUser', { UserPoolId: POOL, Username: 'jane' })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))['Enabled']).toBe(false)
    await w.call('AdminEnableUser', { UserPoolId: POOL, Username: 'jane' })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))['Enabled']).toBe(true)
    expect((await w.call('DescribeUserPool', { UserPoolId: POOL }))['UserPool']).toMatchObject({
      EstimatedNumberOfUsers: 1,
    })
    await w.call('AdminDeleteUser', { UserPoolId: POOL, Username: 'jane' })
    expect((await w.failure('AdminGetUser', { UserPoolId: POOL, Username: 'jane' })).name).toBe('UserNotFoundException')
    expect((await w.call('DescribeUserPool', { UserPoolId: POOL }))['UserPool']).toMatchObject({
      EstimatedNumberOfUsers: 0,
    })
  })
})

describe('AdminSetUserPassword and AdminResetUserPassword', () => {
  it('confirms with a permanent password, and puts a temporary one in FORCE_CHANGE_PASSWORD', async () => {
    await create({ MessageAction: 'SUPPRESS' })
    await w.call('AdminSetUserPassword', {
      UserPoolId: POOL,
      Username: 'jane',
      Password: 'Permanent-Pass-1',
      Permanent: true,
    })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))['UserStatus']).toBe('CONFIRMED')
    await w.call('AdminSetUserPassword', {
      UserPoolId: POOL,
      Username: 'jane',
      Password: 'Temporary-Pass-2',
      Permanent: false,
    })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))['UserStatus']).toBe(
      'FORCE_CHANGE_PASSWORD',
    )
    expect(
      await w.failure('AdminSetUserPassword', {
        UserPoolId: POOL,
        Username: 'jane',
        Password: 'no-digits-here',
        Permanent: true,
      }),
    ).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have numeric characters',
    })
  })

  it('refuses the last PasswordHistorySize passwords', async () => {
    await create({ MessageAction: 'SUPPRESS', TemporaryPassword: 'Temporary-Pass-0' })
    await w.call('AdminSetUserPassword', {
      UserPoolId: POOL,
      Username: 'jane',
      Password: 'Permanent-Pass-1',
      Permanent: true,
    })
    await w.call('AdminSetUserPassword', {
      UserPoolId: POOL,
      Username: 'jane',
      Password: 'Permanent-Pass-2',
      Permanent: true,
    })
    const reuse = await w.failure('AdminSetUserPassword', {
      UserPoolId: POOL,
      Username: 'jane',
      Password: 'Permanent-Pass-1',
      Permanent: true,
    })
    expect(reuse.name).toBe('PasswordHistoryPolicyViolationException')
    await w.call('AdminSetUserPassword', {
      UserPoolId: POOL,
      Username: 'jane',
      Password: 'Permanent-Pass-3',
      Permanent: true,
    })
    await w.call('AdminSetUserPassword', {
      UserPoolId: POOL,
      Username: 'jane',
      Password: 'Permanent-Pass-1',
      Permanent: true,
    })
  })

  it('resets: RESET_REQUIRED and a code to the verified email, refused without one', async () => {
    await create({ MessageAction: 'SUPPRESS' })
    expect(await w.failure('AdminResetUserPassword', { UserPoolId: POOL, Username: 'jane' })).toEqual({
      name: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    })
    await w.call('AdminUpdateUserAttributes', {
      UserPoolId: POOL,
      Username: 'jane',
      UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
    })
    await w.call('AdminResetUserPassword', { UserPoolId: POOL, Username: 'jane' })
    expect((await w.call('AdminGetUser', { UserPoolId: POOL, Username: 'jane' }))['UserStatus']).toBe('RESET_REQUIRED')
    expect(w.simulation.messages({ kind: 'ForgotPassword' })).toHaveLength(1)
  })
})
