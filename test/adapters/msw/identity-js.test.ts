import { CognitoUser, CognitoUserAttribute, CognitoUserPool, type ISignUpResult } from 'amazon-cognito-identity-js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import '../../../src/adapters/testing/vitest.js'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { STRICT } from '../../support/msw.js'

const UserPoolId = 'eu-west-1_AbCdEf123'
const ClientId = '1example23456789abcdefghij'
const { server, cognito } = setupCognitoServer({
  seed: 11,
  fixtures: {
    userPools: [
      {
        PoolName: 'legacy-app',
        Id: UserPoolId,
        AutoVerifiedAttributes: ['email'],
        Clients: [{ ClientName: 'web', ClientId }],
      },
    ],
  },
})
beforeAll(() => server.listen(STRICT))
afterEach(() => cognito.reset())
afterAll(() => server.close())

const pool = new CognitoUserPool({ UserPoolId, ClientId })
/** A Node-style callback as a promise. */
const call = <T>(run: (done: (error: Error | undefined | null, value?: T) => void) => void) =>
  new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))))

describe('amazon-cognito-identity-js through the same handlers', () => {
  it('signs up, resends the code and confirms the registration with the code the pool sent', async () => {
    const attributes = [new CognitoUserAttribute({ Name: 'email', Value: 'jane@example.com' })]
    const result = await call<ISignUpResult>((done) => pool.signUp('jane', 'Correct-Horse-1', attributes, [], done))
    expect(result.user.getUsername()).toBe('jane')
    expect(result.userConfirmed).toBe(false)
    expect(result.codeDeliveryDetails).toEqual({
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: 'j***@e***',
    })
    const user = new CognitoUser({ Username: 'jane', Pool: pool })
    await call((done) => user.resendConfirmationCode(done))
    expect(cognito.messages({ username: 'jane' }).map((m) => m.kind)).toEqual(['SignUp', 'ResendCode'])
    expect(await call((done) => user.confirmRegistration(cognito.lastCode({ username: 'jane' })!, false, done))).toBe(
      'SUCCESS',
    )
    expect(cognito).toHaveReceivedCognito('ConfirmSignUp', { ClientId, Username: 'jane' })
  })

  it('resets a forgotten password through forgotPassword and confirmPassword', async () => {
    await cognito.ready
    await cognito.simulation.seed({
      users: [
        {
          userPoolId: UserPoolId,
          username: 'joe',
          password: 'Correct-Horse-1',
          attributes: { email: 'joe@example.com' },
        },
      ],
    })
    const user = new CognitoUser({ Username: 'joe', Pool: pool })
    const sent = await new Promise<unknown>((resolve, reject) =>
      user.forgotPassword({ onSuccess: resolve, onFailure: reject, inputVerificationCode: resolve }),
    )
    expect(sent).toMatchObject({ CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'j***@e***' } })
    const code = cognito.lastCode({ kind: 'ForgotPassword' })!
    const wrong = await new Promise<Error>((resolve) =>
      user.confirmPassword('000000', 'Battery-Staple-2', {
        onSuccess: () => resolve(new Error('accepted')),
        onFailure: resolve,
      }),
    )
    expect(wrong).toMatchObject({
      code: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    })
    expect(
      await new Promise((resolve, reject) =>
        user.confirmPassword(code, 'Battery-Staple-2', { onSuccess: resolve, onFailure: reject }),
      ),
    ).toBe('SUCCESS')
  })

  it("receives Cognito's validation error for a bad request", async () => {
    const error = await new Promise<Error & { code?: string }>((resolve) =>
      pool.signUp('', '', [], [], (e) => resolve(e as Error)),
    )
    expect(error.code ?? error.name).toBe('InvalidParameterException')
    expect(error.message).toMatch(/^\d validation errors? detected: Value at 'password' failed to satisfy constraint/)
  })
})
