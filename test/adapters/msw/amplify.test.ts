import { Amplify } from 'aws-amplify'
import { confirmSignUp, signUp } from 'aws-amplify/auth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import '../../../src/adapters/testing/vitest.js'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { STRICT } from '../../support/msw.js'

const { server, cognito } = setupCognitoServer({
  seed: 4,
  operations: {
    SignUp: {
      response: {
        UserConfirmed: false,
        UserSub: '5f0c6a1e-8d5b-4c8e-9a51-3c2d1b0e9f47',
        CodeDeliveryDetails: { Destination: 'j***@example.com', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
      },
    },
  },
})
beforeAll(() => {
  server.listen(STRICT)
  Amplify.configure({
    Auth: { Cognito: { userPoolId: 'eu-west-1_AbCdEf123', userPoolClientId: '1example23456789abcdefghij' } },
  })
})
afterAll(() => server.close())

describe('Amplify v6 through the same handlers', () => {
  it('signs up and confirms a user', async () => {
    const result = await signUp({
      username: 'jane@example.com',
      password: 'Correct-Horse-1',
      options: { userAttributes: { email: 'jane@example.com' } },
    })
    expect(result).toMatchObject({
      isSignUpComplete: false,
      userId: '5f0c6a1e-8d5b-4c8e-9a51-3c2d1b0e9f47',
      nextStep: {
        signUpStep: 'CONFIRM_SIGN_UP',
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'j***@example.com' },
      },
    })
    const confirmed = await confirmSignUp({ username: 'jane@example.com', confirmationCode: '123456' })
    expect(confirmed.isSignUpComplete).toBe(true)
    expect(cognito).toHaveReceivedCognito('SignUp', {
      ClientId: '1example23456789abcdefghij',
      Username: 'jane@example.com',
      UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
    })
    expect(cognito).toHaveReceivedCognito('ConfirmSignUp', { Username: 'jane@example.com', ConfirmationCode: '123456' })
  })

  it("surfaces Cognito's errors as Amplify's named errors", async () => {
    cognito.fail('SignUp', { type: 'UsernameExistsException', message: 'User already exists' }, { once: true })
    const error = await signUp({ username: 'jane@example.com', password: 'Correct-Horse-1' }).catch((e: Error) => e)
    expect(error).toMatchObject({ name: 'UsernameExistsException', message: 'User already exists' })
  })
})
