import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type OperationName, operations } from '../../../schemas/operations.js'
import { service } from '../../../schemas/service.js'
import { setupCognitoServer } from '../../../src/adapters/msw/node.js'
import { requestArbitrary } from '../../../src/core/arbitraries/index.js'
import { fromSdk, toSdk } from '../../../src/core/shared/convert.js'
import { validate } from '../../../src/core/validate/validate.js'
import { STRICT } from '../../support/msw.js'
import { exceptionClass, sdkClient, send } from '../../support/sdk.js'

const names = Object.keys(operations) as OperationName[]
const { server, cognito } = setupCognitoServer({ mode: 'generated', seed: 7 })
const client = sdkClient()

beforeAll(() => server.listen(STRICT))
afterEach(() => cognito.reset())
afterAll(() => server.close())

describe('the real SDK against generated responses', () => {
  it(`calls all ${names.length} operations and every response parses and validates`, async () => {
    expect(names).toHaveLength(service.operationCount)
    for (const op of names) {
      const [input] = fc.sample(requestArbitrary(op), { seed: 1, numRuns: 1 })
      const { $metadata, ...output } = await send(client, op, toSdk(operations[op].input, input as never))
      expect($metadata, op).toMatchObject({ httpStatusCode: 200 })
      expect(validate(op, 'response', fromSdk(operations[op].output, output)), op).toEqual({ valid: true })
    }
    expect(cognito.calls()).toHaveLength(service.operationCount)
  })

  it('answers the same request with the same response, and echoes its identifiers', async () => {
    const input = { UserPoolId: 'eu-west-1_AbCdEf123', ProviderName: 'Okta' }
    const a = await send(client, 'DescribeIdentityProvider', input)
    const b = await send(client, 'DescribeIdentityProvider', input)
    expect(a['IdentityProvider']).toEqual(b['IdentityProvider'])
    expect(a['IdentityProvider']).toMatchObject(input)
  })

  it("turns every modelled error of every operation into the SDK's typed exception", async () => {
    const types = new Set<string>()
    for (const op of names) {
      const [input] = fc.sample(requestArbitrary(op), { seed: 2, numRuns: 1 })
      for (const type of operations[op].errors) {
        cognito.fail(op, { type, message: `${type} from the test` }, { once: true })
        const error = await send(client, op, toSdk(operations[op].input, input as never)).then(
          () => undefined,
          (e: unknown) => e as Error & { $metadata: { httpStatusCode: number } },
        )
        const Exception = exceptionClass(type)
        expect(Exception, type).toBeDefined()
        expect(error, `${op} ${type}`).toBeInstanceOf(Exception!)
        expect(error!.message).toBe(`${type} from the test`)
        expect(error!.$metadata.httpStatusCode).toBe(
          type === 'InternalErrorException' || type === 'InternalServerException' ? 500 : 400,
        )
        types.add(type)
      }
    }
    expect(types.size).toBe(59)
  })

  it("answers a malformed request from the SDK with Cognito's validation message", async () => {
    const error = await send(client, 'DescribeUserPool', { UserPoolId: ' us-east-1_abc' }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(exceptionClass('InvalidParameterException')!)
    expect((error as Error).message).toBe(
      "1 validation error detected: Value ' us-east-1_abc' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
    )
  })
})
