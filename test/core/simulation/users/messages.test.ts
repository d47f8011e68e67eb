import { afterEach, describe, expect, it } from 'vitest'
import { createCognito } from '../../../../src/core/simulation/index.js'
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
      message: `Your verification code is ${sms!.code}. `,
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

  it('gives other codes for the same seed and calls: codes are secrets, drawn from a CSPRNG', async () => {
    const codes = new Set<string | undefined>()
    for (let i = 0; i < 3; i++) {
      await w.reset()
      const { clientId } = await pool({ AutoVerifiedAttributes: ['email'] })
      await signUp(clientId, [{ Name: 'email', Value: 'jane@example.com' }])
      codes.add(w.simulation.lastCode())
    }
    expect(codes.size).toBeGreaterThan(1)
    for (const code of codes) expect(code).toMatch(/^\d{6}$/)
  })

  it('gives the same codes for the same seed when reproducible secrets are asked for', async () => {
    const fixtures = {
      userPools: [{ PoolName: 'p', AutoVerifiedAttributes: ['email' as const], Clients: [{ ClientName: 'c' }] }],
    }
    const codeOf = async () => {
      const cognito = createCognito({ seed: 5, reproducibleSecrets: true })
      const [created] = await cognito.seed(fixtures)
      const { UserPoolClients } = await cognito.send('ListUserPoolClients', { UserPoolId: created!.Id! })
      await cognito.send('SignUp', {
        ClientId: UserPoolClients![0]!.ClientId!,
        Username: 'jane',
        Password: 'Correct-Horse-1',
        UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
      })
      return cognito.lastCode()
    }
    const first = await codeOf()
    expect(await codeOf()).toBe(first)
    expect(first).toMatch(/^\d{6}$/)
  })
})
