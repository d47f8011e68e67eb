import { CognitoUserAttribute, CognitoUserPool, type ISignUpResult } from 'amazon-cognito-identity-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STRICT } from '../../support/msw.js'
import '../../../src/adapters/testing/vitest.js'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'

const { server, cognito } = setupCognitoServer({ seed: 11 })
beforeAll(() => server.listen(STRICT))
afterAll(() => server.close())

describe('amazon-cognito-identity-js through the same handlers', () => {
  it('signs up a user and reads the generated response', async () => {
    const pool = new CognitoUserPool({ UserPoolId: 'eu-west-1_AbCdEf123', ClientId: '1example23456789abcdefghij' })
    const result = await new Promise<ISignUpResult>((resolve, reject) =>
      pool.signUp(
        'jane@example.com',
        'Correct-Horse-1',
        [new CognitoUserAttribute({ Name: 'email', Value: 'jane@example.com' })],
        [],
        (error, data) => (error ? reject(error) : resolve(data!)),
      ),
    )
    expect(result.user.getUsername()).toBe('jane@example.com')
    expect(typeof result.userConfirmed).toBe('boolean')
    expect(result.userSub).toMatch(/^[0-9a-f-]{36}$/)
    expect(cognito).toHaveReceivedCognito('SignUp', {
      ClientId: '1example23456789abcdefghij',
      Username: 'jane@example.com',
      UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
    })
  })

  it("receives Cognito's validation error for a bad request", async () => {
    const pool = new CognitoUserPool({ UserPoolId: 'eu-west-1_AbCdEf123', ClientId: '1example23456789abcdefghij' })
    const error = await new Promise<Error & { code?: string }>((resolve) =>
      pool.signUp('', '', [], [], (e) => resolve(e as Error)),
    )
    expect(error.code ?? error.name).toBe('InvalidParameterException')
    expect(error.message).toMatch(/^\d validation errors? detected: Value at 'password' failed to satisfy constraint/)
  })
})
