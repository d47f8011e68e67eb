import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import '../../../src/adapters/testing/vitest.js'
import { CognitoError, cognitoHandlers } from '../../../src/adapters/msw/index.js'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { STRICT } from '../../support/msw.js'
import { exceptionClass, sdkClient, send } from '../../support/sdk.js'

const { server, cognito } = setupCognitoServer()
const client = sdkClient()
beforeAll(() => server.listen(STRICT))
afterEach(() => cognito.reset())
afterAll(() => server.close())

describe('typed controls', () => {
  it('fail() takes the errors an operation models, and throttling or internal faults', async () => {
    cognito.fail('AdminGetUser', { type: 'UserNotFoundException', message: 'User does not exist.' }, { once: true })
    const error = await send(client, 'AdminGetUser', { UserPoolId: 'us-east-1_AbC123', Username: 'jane' }).catch(
      (e: Error) => e,
    )
    expect(error).toBeInstanceOf(exceptionClass('UserNotFoundException')!)
    expect((error as Error).message).toBe('User does not exist.')
    cognito.fail('DescribeUserPool', { type: 'TooManyRequestsException' }, { once: true })
    await expect(send(client, 'DescribeUserPool', { UserPoolId: 'us-east-1_AbC123' })).rejects.toBeInstanceOf(
      exceptionClass('TooManyRequestsException')!,
    )
  })

  it('fail() refuses, where it is written, an error the operation does not model', () => {
    // @ts-expect-error DescribeUserPool does not model UsernameExistsException
    expect(() => cognito.fail('DescribeUserPool', { type: 'UsernameExistsException' })).toThrow(
      'cognito-idp-contract: DescribeUserPool does not model UsernameExistsException; it may fail with InternalErrorException, InvalidParameterException, NotAuthorizedException, OperationNotEnabledException, ResourceNotFoundException, TooManyRequestsException, UserPoolTaggingException',
    )
    // @ts-expect-error the same for configured errors
    expect(() => cognitoHandlers({ operations: { SignUp: { error: { type: 'GroupExistsException' } } } })).toThrow(
      'SignUp does not model GroupExistsException',
    )
  })

  it('respond() callbacks throw modelled errors as CognitoError; an unmodelled one is a test bug, named', async () => {
    cognito.respond('AdminGetUser', () => {
      throw new CognitoError('UserNotFoundException', 'User does not exist.')
    })
    await expect(
      send(client, 'AdminGetUser', { UserPoolId: 'us-east-1_AbC123', Username: 'jane' }),
    ).rejects.toBeInstanceOf(exceptionClass('UserNotFoundException')!)
    cognito.respond('DescribeUserPool', () => {
      throw new CognitoError('UsernameExistsException', 'not modelled here')
    })
    const error = await send(client, 'DescribeUserPool', { UserPoolId: 'us-east-1_AbC123' }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(exceptionClass('InternalErrorException')!)
    expect((error as Error).message).toContain(
      'the DescribeUserPool response callback threw UsernameExistsException, which DescribeUserPool does not model',
    )
  })

  it('toHaveReceivedCognito types its partial input from the operation and takes asymmetric matchers', async () => {
    await send(client, 'CreateUserPool', { PoolName: 'customers', Policies: { PasswordPolicy: { MinimumLength: 10 } } })
    expect(cognito).toHaveReceivedCognito('CreateUserPool', { Policies: { PasswordPolicy: { MinimumLength: 10 } } })
    expect(cognito).toHaveReceivedCognito('CreateUserPool', { PoolName: expect.stringMatching(/^cust/) })
    // @ts-expect-error PoolNam is not a member of CreateUserPoolRequest
    expect(cognito).not.toHaveReceivedCognito('CreateUserPool', { PoolNam: 'customers' })
    const policies = { PasswordPolicy: { MinimumLength: '10' } }
    // @ts-expect-error MinimumLength is a number
    expect(cognito).not.toHaveReceivedCognito('CreateUserPool', { Policies: policies })
  })
})
