import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const w = world()
afterEach(() => w.reset())
const createPool = (Schema: unknown[]) => w.call('CreateUserPool', { PoolName: 'schema', Schema })

describe('attribute schemas, as CreateUserPool and AddCustomAttributes check them', () => {
  it('keeps the constraints given to a standard attribute and adds custom ones with their prefix', async () => {
    const { UserPool } = (await createPool([
      { Name: 'phone_number', StringAttributeConstraints: { MinLength: '8', MaxLength: '16' }, Required: true },
      { Name: 'plan', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '10' } },
      {
        Name: 'secret',
        AttributeDataType: 'Number',
        DeveloperOnlyAttribute: true,
        NumberAttributeConstraints: { MinValue: '1', MaxValue: '9' },
      },
    ])) as { UserPool: { Id: string; SchemaAttributes: Array<Record<string, unknown>> } }
    const byName = new Map(UserPool.SchemaAttributes.map((a) => [a['Name'], a]))
    expect(byName.get('phone_number')).toMatchObject({
      Required: true,
      StringAttributeConstraints: { MinLength: '8', MaxLength: '16' },
    })
    expect(byName.get('custom:plan')).toMatchObject({
      AttributeDataType: 'String',
      Mutable: true,
      Required: false,
      StringAttributeConstraints: { MaxLength: '10' },
    })
    expect(byName.get('dev:custom:secret')).toMatchObject({ AttributeDataType: 'Number', DeveloperOnlyAttribute: true })
    const described = (await w.call('DescribeUserPool', { UserPoolId: UserPool.Id }))['UserPool'] as {
      SchemaAttributes: unknown[]
    }
    expect(described.SchemaAttributes).toEqual(UserPool.SchemaAttributes)
  })

  it.each([
    [[{ Name: 'plan' }], 'Invalid AttributeDataType input, consider using the provided AttributeDataType enum.'],
    [
      [{ Name: 'email', AttributeDataType: 'Number' }],
      'Invalid AttributeDataType input, consider using the provided AttributeDataType enum.',
    ],
    [
      [{ Name: 'plan', AttributeDataType: 'String', Required: true }],
      'Required custom attributes are not supported currently.',
    ],
    [
      [{ Name: 'plan', AttributeDataType: 'String', StringAttributeConstraints: { MinLength: '5', MaxLength: '2' } }],
      'MinLength of attribute plan cannot be greater than its MaxLength.',
    ],
    [
      [{ Name: 'plan', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '4096' } }],
      'MaxLength of attribute plan cannot be greater than 2048.',
    ],
    [
      [{ Name: 'plan', AttributeDataType: 'String', StringAttributeConstraints: { MinLength: '4096' } }],
      'MinLength of attribute plan cannot be greater than 2048.',
    ],
    [
      [{ Name: 'plan', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: 'ten' } }],
      "MaxLength of attribute plan must be a whole number, not 'ten'.",
    ],
    [
      [{ Name: 'age', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '9', MaxValue: '1' } }],
      'MinValue of attribute age cannot be greater than its MaxValue.',
    ],
  ])('refuses the schema %j', async (Schema, message) => {
    expect(await w.failure('CreateUserPool', { PoolName: 'schema', Schema })).toEqual({
      name: 'InvalidParameterException',
      message,
    })
  })

  it("keeps only the constraints of an attribute's own type", async () => {
    const { UserPool } = (await createPool([
      {
        Name: 'plan',
        AttributeDataType: 'String',
        StringAttributeConstraints: { MaxLength: '10' },
        NumberAttributeConstraints: { MinValue: '1' },
      },
      { Name: 'tier', AttributeDataType: 'Number', StringAttributeConstraints: { MaxLength: '3' } },
      { Name: 'vip', AttributeDataType: 'Boolean', StringAttributeConstraints: { MaxLength: '3' } },
    ])) as { UserPool: { Id: string } }
    const described = (await w.call('DescribeUserPool', { UserPoolId: UserPool.Id }))['UserPool'] as {
      SchemaAttributes: Array<Record<string, unknown>>
    }
    const byName = new Map(described.SchemaAttributes.map((a) => [a['Name'], a]))
    expect(byName.get('custom:plan')).toMatchObject({ StringAttributeConstraints: { MaxLength: '10' } })
    expect(byName.get('custom:plan')).not.toHaveProperty('NumberAttributeConstraints')
    expect(byName.get('custom:tier')).not.toHaveProperty('StringAttributeConstraints')
    expect(byName.get('custom:vip')).not.toHaveProperty('StringAttributeConstraints')
  })

  it('adds custom attributes later, refusing a name the pool has, and lists them in the CSV header', async () => {
    const { UserPool } = (await createPool([{ Name: 'plan', AttributeDataType: 'String' }])) as {
      UserPool: { Id: string }
    }
    await w.call('AddCustomAttributes', {
      UserPoolId: UserPool.Id,
      CustomAttributes: [{ Name: 'tier', AttributeDataType: 'Number' }],
    })
    expect(
      await w.failure('AddCustomAttributes', {
        UserPoolId: UserPool.Id,
        CustomAttributes: [{ Name: 'plan', AttributeDataType: 'String' }],
      }),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Existing attribute already has name custom:plan.',
    })
    const { CSVHeader } = (await w.call('GetCSVHeader', { UserPoolId: UserPool.Id })) as { CSVHeader: string[] }
    expect(CSVHeader.slice(0, 3)).toEqual(['name', 'given_name', 'family_name'])
    // Custom attributes after cognito:username, as the AWS CLI's get-csv-header example lists them.
    expect(CSVHeader.slice(-4)).toEqual(['cognito:mfa_enabled', 'cognito:username', 'custom:plan', 'custom:tier'])
    expect(CSVHeader).not.toContain('sub')
  })

  it('checks user attribute values against the constraints', async () => {
    const { UserPool } = (await createPool([
      { Name: 'plan', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '3' } },
      { Name: 'age', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '18' } },
    ])) as { UserPool: { Id: string } }
    const create = (UserAttributes: unknown[]) =>
      w.failure('AdminCreateUser', {
        UserPoolId: UserPool.Id,
        Username: 'jane',
        MessageAction: 'SUPPRESS',
        UserAttributes,
      })
    expect((await create([{ Name: 'custom:plan', Value: 'premium' }])).message).toBe(
      'Attributes did not conform to the schema: custom:plan: String must be no longer than 3 characters.\n',
    )
    expect(
      (
        await create([
          { Name: 'custom:age', Value: '12' },
          { Name: 'custom:plan', Value: 'premium' },
        ])
      ).message,
    ).toBe(
      'Attributes did not conform to the schema: custom:age: Number must be no less than 18.\ncustom:plan: String must be no longer than 3 characters.\n',
    )
    expect((await create([{ Name: 'email_verified', Value: 'maybe' }])).message).toBe(
      'Attributes did not conform to the schema: email_verified: Attribute value must be true or false.\n',
    )
  })
})
