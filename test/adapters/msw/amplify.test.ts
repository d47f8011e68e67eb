import { Amplify } from 'aws-amplify'
import { confirmResetPassword, confirmSignUp, resendSignUpCode, resetPassword, signUp } from 'aws-amplify/auth'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import '../../../src/adapters/testing/vitest.js'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { STRICT } from '../../support/msw.js'

const userPoolId = 'eu-west-1_AbCdEf123'
const userPoolClientId = '1example23456789abcdefghij'
const { server, cognito } = setupCognitoServer({
  seed: 4,
  fixtures: {
    userPools: [
      {
        PoolName: 'frontend',
        Id: userPoolId,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Clients: [{ ClientName: 'web', ClientId: userPoolClientId }],
      },
    ],
  },
})
beforeAll(() => {
  server.listen(STRICT)
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId } } })
})
afterEach(() => cognito.reset())
afterAll(() => server.close())

describe('Amplify v6 through the same handlers', () => {
  it('signs up, resends the code and confirms with the code the pool sent', async () => {
    const result = await signUp({
      username: 'jane@example.com',
      password: 'Correct-Horse-1',
      options: { userAttributes: { email: 'jane@example.com', given_name: 'Jane' } },
    })
    expect(result).toMatchObject({
      isSignUpComplete: false,
      nextStep: {
        signUpStep: 'CONFIRM_SIGN_UP',
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'j***@e***', attributeName: 'email' },
      },
    })
    expect(result.userId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const [sent] = cognito.messages({ destination: 'jane@example.com' })
    expect(sent).toMatchObject({
      kind: 'SignUp',
      medium: 'EMAIL',
      subject: 'Your verification code',
      username: result.userId,
    })
    expect(sent!.message).toBe(`Your verification code is ${sent!.code}. `)

    const resent = await resendSignUpCode({ username: 'jane@example.com' })
    expect(resent).toMatchObject({ destination: 'j***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' })
    const stale = await confirmSignUp({ username: 'jane@example.com', confirmationCode: sent!.code! }).catch(
      (e: Error) => e,
    )
    expect(stale).toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    })

    const confirmed = await confirmSignUp({
      username: 'jane@example.com',
      confirmationCode: cognito.lastCode({ destination: 'jane@example.com' })!,
    })
    expect(confirmed.isSignUpComplete).toBe(true)
    const user = await cognito.simulation.send('AdminGetUser', { UserPoolId: userPoolId, Username: 'jane@example.com' })
    expect(user).toMatchObject({ Username: result.userId, UserStatus: 'CONFIRMED' })
    expect(user.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' })
  })

  it('resets a forgotten password with the code the pool sent', async () => {
    await cognito.simulation.seed({
      users: [{ userPoolId, username: 'jane@example.com', password: 'Correct-Horse-1' }],
    })
    const reset = await resetPassword({ username: 'jane@example.com' })
    expect(reset.nextStep).toMatchObject({
      resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE',
      codeDeliveryDetails: { deliveryMedium: 'EMAIL' },
    })
    const [message] = cognito.messages({ kind: 'ForgotPassword' })
    expect(message!.message).toBe(`Your password reset code is ${message!.code}`)
    const weak = await confirmResetPassword({
      username: 'jane@example.com',
      confirmationCode: message!.code!,
      newPassword: 'short',
    }).catch((e: Error) => e)
    expect(weak).toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    })
    await confirmResetPassword({
      username: 'jane@example.com',
      confirmationCode: message!.code!,
      newPassword: 'Battery-Staple-2',
    })
    expect(cognito).toHaveReceivedCognito('ConfirmForgotPassword', {
      Username: 'jane@example.com',
      ConfirmationCode: message!.code!,
    })
  })

  it("surfaces Cognito's errors as Amplify's named errors", async () => {
    await signUp({ username: 'jane@example.com', password: 'Correct-Horse-1' })
    const taken = await signUp({ username: 'jane@example.com', password: 'Correct-Horse-1' }).catch((e: Error) => e)
    expect(taken).toMatchObject({
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    })
    const weak = await signUp({ username: 'joe@example.com', password: 'weak' }).catch((e: Error) => e)
    expect(weak).toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough',
    })
    const notEmail = await signUp({ username: 'joe', password: 'Correct-Horse-1' }).catch((e: Error) => e)
    expect(notEmail).toMatchObject({ name: 'InvalidParameterException', message: 'Username should be an email.' })
  })
})
