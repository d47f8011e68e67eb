import { describe, expect, it } from 'vitest'
import { CognitoError } from '../../../src/core/protocol/errors.js'
import { type Backend, handleWire } from '../../../src/core/protocol/handle.js'

const url = 'https://cognito-idp.us-east-1.amazonaws.com/'
const json = 'application/x-amz-json-1.1'
const request = (target: string | undefined, body: string, extra: Record<string, string> = {}) => ({
  method: 'POST',
  url,
  headers: {
    'content-type': json,
    ...(target ? { 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` } : {}),
    ...extra,
  },
  body,
})
const echoPool: Backend = (_op, input) => ({ UserPool: { Id: input['UserPoolId'], Name: 'p' } })
const parse = (body: string) => JSON.parse(body) as Record<string, unknown>

describe('the awsJson 1.1 protocol core', () => {
  it('routes on X-Amz-Target and answers JSON with a request id', async () => {
    const r = await handleWire(request('DescribeUserPool', '{"UserPoolId":"us-east-1_AbC123"}'), echoPool, {
      requestId: () => 'req-1',
    })
    expect(r.status).toBe(200)
    expect(r.headers).toMatchObject({ 'content-type': json, 'x-amzn-requestid': 'req-1' })
    expect(parse(r.body)).toEqual({ UserPool: { Id: 'us-east-1_AbC123', Name: 'p' } })
  })

  it('answers errors with __type, message, x-amzn-ErrorType and the status of the error', async () => {
    const failing: Backend = () => {
      throw new CognitoError('ResourceNotFoundException', 'User pool us-east-1_AbC123 does not exist.')
    }
    const r = await handleWire(request('DescribeUserPool', '{"UserPoolId":"us-east-1_AbC123"}'), failing)
    expect(r.status).toBe(400)
    expect(r.headers['x-amzn-errortype']).toBe('ResourceNotFoundException:')
    expect(r.headers['x-amzn-errormessage']).toBe('User pool us-east-1_AbC123 does not exist.')
    expect(parse(r.body)).toEqual({
      __type: 'ResourceNotFoundException',
      message: 'User pool us-east-1_AbC123 does not exist.',
    })
    const internal = await handleWire(request('DescribeUserPool', '{"UserPoolId":"us-east-1_AbC123"}'), () => {
      throw new CognitoError('InternalErrorException', 'boom')
    })
    expect(internal.status).toBe(500)
  })

  it("validates the request with Cognito's message before the backend sees it", async () => {
    let called = false
    const r = await handleWire(request('DescribeUserPool', '{"UserPoolId":" us-east-1_abc"}'), () => (called = true))
    expect(called).toBe(false)
    expect(r.status).toBe(400)
    expect(parse(r.body)['__type']).toBe('InvalidParameterException')
    expect(parse(r.body)['message']).toMatch(/^1 validation error detected: Value ' us-east-1_abc' at 'userPoolId'/)
  })

  it('answers SerializationException for a body that is not JSON or has wrong types', async () => {
    const notJson = await handleWire(request('DescribeUserPool', '{"UserPoolId":'), echoPool)
    expect([notJson.status, parse(notJson.body)['__type']]).toEqual([400, 'SerializationException'])
    const wrongType = await handleWire(request('ListUserPools', '{"MaxResults":"10"}'), echoPool)
    expect(parse(wrongType.body)).toEqual({
      __type: 'SerializationException',
      Message: 'class java.lang.String can not be converted to an Integer',
    })
  })

  it('answers UnknownOperationException for a missing or unknown target', async () => {
    for (const target of [undefined, 'NoSuchOperation']) {
      const r = await handleWire(request(target, '{}'), echoPool)
      expect([r.status, parse(r.body)['__type']]).toEqual([400, 'UnknownOperationException'])
    }
    const other = await handleWire(
      {
        ...request(undefined, '{}'),
        headers: { 'content-type': json, 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      },
      echoPool,
    )
    expect(parse(other.body)['__type']).toBe('UnknownOperationException')
  })

  it('answers a request it cannot route at all (not POST, or not /) as Cognito does', async () => {
    for (const r of [
      { ...request('DescribeUserPool', ''), method: 'GET' },
      { ...request('DescribeUserPool', '{}'), url: `${url}users` },
    ]) {
      const response = await handleWire(r, echoPool)
      expect(response.status).toBe(404)
      expect(parse(response.body)).toEqual({
        code: 'BadRequest',
        message: 'The server did not understand the operation that was requested.',
        type: 'client',
      })
    }
  })

  it('refuses content types other than JSON', async () => {
    const r = await handleWire(
      request('DescribeUserPool', '{"UserPoolId":"us-east-1_AbC123"}', { 'content-type': 'text/plain' }),
      echoPool,
    )
    expect([r.status, parse(r.body)['__type']]).toEqual([400, 'SerializationException'])
  })

  it('never lets an invalid response leave: it names the member and the constraint', async () => {
    const r = await handleWire(request('DescribeUserPool', '{"UserPoolId":"us-east-1_AbC123"}'), () => ({
      UserPool: { Id: 'not an id' },
    }))
    expect(r.status).toBe(500)
    expect(parse(r.body)['message']).toMatch(
      /DescribeUserPool response is not valid against its schema: 1 validation error detected: Value 'not an id' at 'userPool.id'/,
    )
  })

  it('turns a crashing backend into InternalErrorException, never an exception of its own', async () => {
    const r = await handleWire(request('DescribeUserPool', '{"UserPoolId":"us-east-1_AbC123"}'), () => {
      throw new RangeError('bug')
    })
    expect([r.status, parse(r.body)['__type']]).toEqual([500, 'InternalErrorException'])
  })

  it('answers {} for an operation without output', async () => {
    const r = await handleWire(request('DeleteUserPool', '{"UserPoolId":"us-east-1_AbC123"}'), () => undefined)
    expect([r.status, r.body]).toEqual([200, '{}'])
  })

  it('refuses a body nested past the limit before parsing it, with a SerializationException', async () => {
    const deep = `{"UserPoolId":"us-east-1_AbC123","Junk":${'['.repeat(3000)}${']'.repeat(3000)}}`
    const r = await handleWire(request('DescribeUserPool', deep), echoPool)
    expect(r.status).toBe(400)
    expect(parse(r.body)).toEqual({ __type: 'SerializationException', Message: 'Request nests deeper than 64 levels.' })
  })

  it('hands the backend and the record only the members the operation models', async () => {
    let seen: unknown
    const inputs: unknown[] = []
    const body = '{"UserPoolId":"us-east-1_AbC123","Foo":"bar","Nested":{"a":[1,2]}}'
    await handleWire(
      request('DescribeUserPool', body),
      (_op, input) => {
        seen = input
        return { UserPool: { Id: 'us-east-1_AbC123' } }
      },
      { onExchange: (exchange) => inputs.push(exchange.input) },
    )
    expect(seen).toEqual({ UserPoolId: 'us-east-1_AbC123' })
    expect(inputs).toEqual([{ UserPoolId: 'us-east-1_AbC123' }])
  })
})
