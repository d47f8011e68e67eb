import { describe, expect, it } from 'vitest'
import { cognitoMatchers } from '../../../src/adapters/testing/matchers.js'
import { createCognitoMock } from '../../../src/core/mock/mock.js'

const call = (operation: string, input: unknown) => ({
  method: 'POST',
  url: 'https://cognito-idp.us-east-1.amazonaws.com/',
  headers: {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
  },
  body: JSON.stringify(input),
})

describe('matcher failure messages', () => {
  it('list the calls with their outcome and every secret masked as the request log masks it', async () => {
    const mock = createCognitoMock({ mode: 'generated' })
    await mock.handle(
      call('InitiateAuth', {
        ClientId: 'abcdefghijklmnopqrstuvwxyz',
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'jane', PASSWORD: 'Sup3r-Secret-Password' },
      }),
    )
    await mock.handle(
      call('ChangePassword', {
        PreviousPassword: 'Old-Secret-1',
        ProposedPassword: 'New-Secret-2',
        AccessToken: 'eyJ.access.token',
      }),
    )
    const result = cognitoMatchers.toHaveReceivedCognito(mock, 'SignUp')
    expect(result.pass).toBe(false)
    const message = result.message()
    expect(message).toContain('InitiateAuth 200')
    expect(message).toContain('ChangePassword')
    for (const secret of ['Sup3r-Secret-Password', 'Old-Secret-1', 'New-Secret-2', 'eyJ.access.token'])
      expect(message).not.toContain(secret)
    expect(message).toContain('***')
  })
})
