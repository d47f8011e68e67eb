import { afterEach, describe, expect, it } from 'vitest'
import { world } from '../../../support/world.js'

const w = world()
afterEach(() => w.reset())

async function pool(extra: Record<string, unknown>) {
  const { UserPool } = (await w.call('CreateUserPool', { PoolName: 'messages', ...extra })) as {
    UserPool: { Id: string }
  }
  const { UserPoolClient } = (await w.call('CreateUserPoolClient', { UserPoolId: UserPool.Id, ClientName: 'web' })) as {
    UserPoolClient: { ClientId: string }
  }
  return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId }
}
const signUp = (clientId: string, UserAttributes: unknown[]) =>
  w.call('SignUp', { ClientId: clientId, Username: 'jane', Password: 'Correct-Horse-1', UserAttributes })

describe('the messages a pool would send', () => {
  it('verifies the phone number when both email and phone are auto-verified, by SMS', async () => {
    const { clientId } = await pool({ AutoVerifiedAttributes: ['email', 'phone_number'] })
    const result = await signUp(clientId, [
      { Name: 'email', Value: 'jane@example.com' },
      { Name: 'phone_number', Value: '+12065550108' },
    ])
    expect(result['CodeDeliveryDetails']).toEqual({
      Destination: '+*******0108',
      DeliveryMedium: 'SMS',
      AttributeName: 'phone_number',
    })
    const [sms] = w.simulation.messages()
    expect(sms).toMatchObject({
      medium: 'SMS',
      destination: '+12065550108',
      message: `Your verification code is ${sms!.code}.`,
    })
    expect(sms!.subject).toBeUndefined()
  })

  it("renders the pool's verification templates, {####} and {username} included", async () => {
    const { clientId } = await pool({
      AutoVerifiedAttributes: ['email'],
      VerificationMessageTemplate: {
        DefaultEmailOption: 'CONFIRM_WITH_CODE',
        EmailSubject: 'Welcome to Example',
        EmailMessage: 'Hi {username}, your code is {####}',
      },
    })
    await signUp(clientId, [{ Name: 'email', Value: 'jane@example.com' }])
    const [email] = w.simulation.messages()
    expect(email).toMatchObject({ subject: 'Welcome to Example', message: `Hi jane, your code is ${email!.code}` })
  })

  it('sends a link when the pool verifies email by link', async () => {
    const { clientId } = await pool({
      AutoVerifiedAttributes: ['email'],
      VerificationMessageTemplate: {
        DefaultEmailOption: 'CONFIRM_WITH_LINK',
        EmailSubjectByLink: 'Verify',
        EmailMessageByLink: 'Please {##verify your email##}',
      },
    })
    await signUp(clientId, [{ Name: 'email', Value: 'jane@example.com' }])
    expect(w.simulation.messages()).toMatchObject([{ subject: 'Verify', message: 'Please verify your email' }])
  })

  it('gives the same codes for the same seed, six digits each', async () => {
    const { clientId } = await pool({ AutoVerifiedAttributes: ['email'] })
    await signUp(clientId, [{ Name: 'email', Value: 'jane@example.com' }])
    const first = w.simulation.lastCode()
    await w.reset()
    const again = await pool({ AutoVerifiedAttributes: ['email'] })
    await signUp(again.clientId, [{ Name: 'email', Value: 'jane@example.com' }])
    expect(w.simulation.lastCode()).toBe(first)
    expect(first).toMatch(/^\d{6}$/)
  })
})
