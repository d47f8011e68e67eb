import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const w = world()
afterEach(() => w.reset())

type Pool = Record<string, unknown> & { Id: string }
const describePool = async (UserPoolId: string) =>
  (await w.call('DescribeUserPool', { UserPoolId }))['UserPool'] as Pool
const messagesOf = (pool: Pool) => ({
  SmsVerificationMessage: pool['SmsVerificationMessage'],
  EmailVerificationMessage: pool['EmailVerificationMessage'],
  EmailVerificationSubject: pool['EmailVerificationSubject'],
  VerificationMessageTemplate: pool['VerificationMessageTemplate'],
})

describe('verification messages, kept in step in both forms as Cognito keeps them', () => {
  it('shows a template given to CreateUserPool in the older top-level members too', async () => {
    const { UserPool } = (await w.call('CreateUserPool', {
      PoolName: 'template',
      VerificationMessageTemplate: {
        DefaultEmailOption: 'CONFIRM_WITH_LINK',
        EmailMessage: 'foo {####} bar',
        EmailMessageByLink: '{##foobar##}',
        EmailSubject: 'foobar {####}',
        EmailSubjectByLink: 'foobar',
        SmsMessage: '{####} baz',
      },
    })) as { UserPool: Pool }
    const expected = {
      SmsVerificationMessage: '{####} baz',
      EmailVerificationMessage: 'foo {####} bar',
      EmailVerificationSubject: 'foobar {####}',
      VerificationMessageTemplate: {
        DefaultEmailOption: 'CONFIRM_WITH_LINK',
        EmailMessage: 'foo {####} bar',
        EmailMessageByLink: '{##foobar##}',
        EmailSubject: 'foobar {####}',
        EmailSubjectByLink: 'foobar',
        SmsMessage: '{####} baz',
      },
    }
    expect(messagesOf(UserPool)).toEqual(expected)
    expect(messagesOf(await describePool(UserPool.Id))).toEqual(expected)
  })

  it('shows the top-level members given to UpdateUserPool in the template, and resets both when left out', async () => {
    const { UserPool } = (await w.call('CreateUserPool', {
      PoolName: 'update',
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK', EmailMessageByLink: '{##go##}' },
    })) as { UserPool: Pool }
    await w.call('UpdateUserPool', {
      UserPoolId: UserPool.Id,
      EmailVerificationMessage: '{####} Baz',
      EmailVerificationSubject: 'BazBaz {####}',
      SmsVerificationMessage: '{####} BazBazBar?',
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
    })
    expect(messagesOf(await describePool(UserPool.Id))).toEqual({
      SmsVerificationMessage: '{####} BazBazBar?',
      EmailVerificationMessage: '{####} Baz',
      EmailVerificationSubject: 'BazBaz {####}',
      VerificationMessageTemplate: {
        DefaultEmailOption: 'CONFIRM_WITH_CODE',
        EmailMessage: '{####} Baz',
        EmailSubject: 'BazBaz {####}',
        SmsMessage: '{####} BazBazBar?',
      },
    })
    await w.call('UpdateUserPool', { UserPoolId: UserPool.Id })
    expect(messagesOf(await describePool(UserPool.Id))).toEqual({
      SmsVerificationMessage: undefined,
      EmailVerificationMessage: undefined,
      EmailVerificationSubject: undefined,
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
    })
  })

  it('keeps each form as given when a request gives both', async () => {
    const { UserPool } = (await w.call('CreateUserPool', {
      PoolName: 'both',
      EmailVerificationMessage: 'Your verification code is {####}.',
      VerificationMessageTemplate: { EmailMessage: 'Your confirmation code is {####}' },
    })) as { UserPool: Pool }
    expect(UserPool['EmailVerificationMessage']).toBe('Your verification code is {####}.')
    expect(UserPool['VerificationMessageTemplate']).toEqual({
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
      EmailMessage: 'Your confirmation code is {####}',
    })
  })
})
